/**
 * The model registry's statements on `DetectorModel`: the ones a promotion, rollback or shadow
 * change runs inside its transaction, and the insert of a version (also run there, when the first
 * promotion records the version in git as live). Reads outside a transaction use Prisma's model API
 * (store.ts, shadow.ts).
 */
import { NOW_UTC, type Db } from '../core/db/index.ts';
import type { DetectorModelStatus as ModelStatus } from '../generated/prisma/enums.ts';

/** Serialises every change of the live version (any constant shared by all processes). */
const REGISTRY_LOCK = 0x7464_6d6f; // "tdmo"

export async function lockRegistry(tx: Db): Promise<void> {
  await tx.execute`SELECT pg_advisory_xact_lock(${REGISTRY_LOCK})`;
}

/** The live version in the table, or null while none is. */
export async function selectLiveVersion(db: Db): Promise<string | null> {
  const [row] = await db.query<{ version: string }>`SELECT version FROM "DetectorModel" WHERE status = 'live' LIMIT 1`;
  return row?.version ?? null;
}

/** The version running in shadow, or null. */
export async function selectShadowVersion(db: Db): Promise<string | null> {
  const [row] = await db.query<{ version: string }>`SELECT version FROM "DetectorModel" WHERE shadow LIMIT 1`;
  return row?.version ?? null;
}

/** A version's status and the live version it replaced, or undefined when it is not registered. */
export async function selectModel(db: Db, version: string): Promise<{ status: ModelStatus; previousLive: string | null } | undefined> {
  const [row] = await db.query<{ status: ModelStatus; previousLive: string | null }>`
    SELECT status::text AS status, "previousLive" FROM "DetectorModel" WHERE version = ${version}`;
  return row;
}

export interface NewModelRow {
  version: string;
  status: ModelStatus;
  modelJson: string;
  metaJson: string;
  weights: Uint8Array;
  /** JSON text, or null. */
  metrics: string | null;
  source: string | null;
  createdBy: string;
  /** Set when the row goes in live. */
  promotedAt: Date | null;
  promotedBy: string | null;
}

/** Inserts a version unless it is there already (versions are content hashes); whether it inserted. */
export async function insertModel(db: Db, m: NewModelRow): Promise<boolean> {
  const inserted = await db.execute`
    INSERT INTO "DetectorModel"
      (version, status, "modelJson", "metaJson", weights, metrics, source, "createdAt", "createdBy", "promotedAt", "promotedBy")
    VALUES (${m.version}, ${m.status}::"DetectorModelStatus", ${m.modelJson}, ${m.metaJson}, ${Buffer.from(m.weights)}, ${m.metrics}::jsonb,
      ${m.source}::jsonb, ${NOW_UTC}, ${m.createdBy}, ${m.promotedAt}::timestamp(3), ${m.promotedBy})
    ON CONFLICT DO NOTHING`;
  return inserted > 0;
}

/** Retires `version`; the number of rows changed (0 when it is not registered). */
export function retireModel(tx: Db, version: string, at: Date): Promise<number> {
  return tx.execute`UPDATE "DetectorModel" SET status = 'retired', "retiredAt" = ${at}::timestamp(3) WHERE version = ${version}`;
}

/**
 * Makes `version` live as promoted by `actor` at `at`. `forced` and `previousLive` are set when
 * given and left as they are otherwise (a rollback keeps `previousLive`, so a second one goes further back).
 */
export function makeLive(
  tx: Db,
  version: string,
  p: { at: Date; actor: string; forced?: boolean; previousLive?: string },
): Promise<number> {
  return tx.execute`
    UPDATE "DetectorModel" SET status = 'live', "promotedAt" = ${p.at}::timestamp(3), "promotedBy" = ${p.actor},
      forced = COALESCE(${p.forced ?? null}::boolean, forced),
      "previousLive" = COALESCE(${p.previousLive ?? null}::text, "previousLive"), "retiredAt" = NULL
    WHERE version = ${version}`;
}

/** Makes `version` (or no row, with null) the one shadow. */
export async function setShadowRow(tx: Db, version: string | null): Promise<void> {
  await tx.execute`UPDATE "DetectorModel" SET shadow = false WHERE shadow`;
  if (version !== null) await tx.execute`UPDATE "DetectorModel" SET shadow = true WHERE version = ${version}`;
}
