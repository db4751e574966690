import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../../generated/prisma/client.ts';
import { poolConfigFromUrl } from './url.ts';

export { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
export type Db = PrismaClient;

/** A Prisma client on adapter-pg (no native query engine). */
export function createDb(url: string, poolSize: number): PrismaClient {
  const adapter = new PrismaPg({
    ...poolConfigFromUrl(url),
    max: poolSize,
    // A database that stops answering (rather than refusing) must fail the job into its retry
    // backoff, not hang it: give up connecting after 10 s, and let TCP keepalive notice dead peers.
    connectionTimeoutMillis: 10_000,
    keepAlive: true,
  });
  return new PrismaClient({ adapter });
}
