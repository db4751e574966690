/**
 * The one lock over the network tables. Every change to networks (the classify step adding posts
 * and merging, a confirmation marking a network confirmed) takes it, transaction-scoped, so merges
 * never interleave; it is released at commit or rollback.
 */
import type { Db } from '../core/db/index.ts';

/** Advisory lock key of the network tables ("twnet" as a number). */
export const NETWORK_LOCK = 0x74776e6574n;

export async function lockNetworks(tx: Db): Promise<void> {
  await tx.execute`SELECT pg_advisory_xact_lock(${NETWORK_LOCK}::bigint)`;
}
