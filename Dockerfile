# One image for the API, the workers and the CLI; docker-compose.yml picks the command.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
# Debian's Chromium for evidence capture (core/chromium.ts launches /usr/bin/chromium); playwright
# downloads no browser of its own.
RUN apt-get update && apt-get install -y --no-install-recommends chromium && rm -rf /var/lib/apt/lists/*
# postinstall generates the Prisma client from the schema, so it must be there before npm ci.
COPY package.json package-lock.json prisma.config.ts ./
COPY scripts ./scripts
COPY prisma ./prisma
RUN npm ci --no-audit --no-fund && npm cache clean --force
COPY . .
# Evidence and export bundles go under ./.data (a volume in docker-compose.yml), written as node.
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node
ENTRYPOINT ["node", "bin/tidewatch.mjs"]
CMD ["api"]
