# One image for the API, the workers and the CLI; docker-compose.yml picks the command.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
# postinstall generates the Prisma client from the schema, so it must be there before npm ci.
COPY package.json package-lock.json prisma.config.ts ./
COPY scripts ./scripts
COPY prisma ./prisma
RUN npm ci --no-audit --no-fund && npm cache clean --force
COPY . .
USER node
ENTRYPOINT ["node", "bin/tidewatch.mjs"]
CMD ["api"]
