import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../../generated/prisma/client.ts';
import { poolConfigFromUrl } from './url.ts';

export { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
export type Db = PrismaClient;

/** A Prisma client on adapter-pg (no native query engine). */
export function createDb(url: string, poolSize: number): PrismaClient {
  const adapter = new PrismaPg({ ...poolConfigFromUrl(url), max: poolSize });
  return new PrismaClient({ adapter });
}
