/**
 * The model registry in PostgreSQL (`DetectorModel`): every version a classify worker may run,
 * with its artifacts, and which one is live. Artifacts are stored in the row (bytea, ~4 MB) so a
 * worker on any machine loads exactly the promoted bytes without a shared disk; the version is a
 * content hash of them and is checked on every load. While no row is live, the version in git
 * (models/current.json) is live: the first promotion records it as the one to roll back to.
 *
 * Promotions and rollbacks take one transaction-scoped advisory lock, so two operators cannot
 * leave two rows live or roll back past each other.
 */
import { appendAudit } from '../core/audit.ts';
import { DomainError, type ErrorKind } from '../core/errors.ts';
import type { DetectorModelStatus } from '../generated/prisma/enums.ts';
import type { Db, PoolDb, Prisma } from '../core/db/index.ts';
import {
  MODELS_DIR,
  modelFromArtifacts,
  readArtifacts,
  resolveVersion,
  type ModelArtifacts,
  type StoredModel,
} from '../detector/model/storage.ts';
import { insertModel, lockRegistry, makeLive, retireModel, selectLiveVersion, selectModel } from './sql.ts';

/** A refusal meant for the operator (unknown version, nothing to roll back to, a failed check). */
export class RegistryError extends DomainError {
  override readonly name = 'RegistryError';
  constructor(message: string, kind: ErrorKind = 'bad_request') {
    super(kind, message);
  }
}

export type ModelStatus = DetectorModelStatus;

export interface RegisteredModel {
  version: string;
  status: ModelStatus;
  metrics: unknown;
  source: unknown;
  createdAt: Date;
  createdBy: string;
  promotedAt: Date | null;
  promotedBy: string | null;
  forced: boolean;
  previousLive: string | null;
  retiredAt: Date | null;
  /** Running in shadow beside live (model-registry/shadow.ts). */
  shadow: boolean;
}

const SUMMARY = {
  version: true,
  status: true,
  metrics: true,
  source: true,
  createdAt: true,
  createdBy: true,
  promotedAt: true,
  promotedBy: true,
  forced: true,
  previousLive: true,
  retiredAt: true,
  shadow: true,
} as const;

/** The live version in the table, or null while none is (bootstrap: models/current.json). */
export function registeredLiveVersion(db: Db): Promise<string | null> {
  return selectLiveVersion(db);
}

/** The version workers should run: the table's live row, else the version in git. */
export async function liveVersion(db: Db, modelsDir = MODELS_DIR): Promise<{ version: string; bootstrap: boolean }> {
  const v = await registeredLiveVersion(db);
  return v ? { version: v, bootstrap: false } : { version: resolveVersion(modelsDir), bootstrap: true };
}

export async function listModels(db: PoolDb): Promise<RegisteredModel[]> {
  return (await db.prisma.detectorModel.findMany({
    select: SUMMARY,
    orderBy: [{ createdAt: 'desc' }, { version: 'asc' }],
  })) as RegisteredModel[];
}

export async function getModel(db: PoolDb, version: string): Promise<RegisteredModel | null> {
  return (await db.prisma.detectorModel.findUnique({ where: { version }, select: SUMMARY })) as RegisteredModel | null;
}

/**
 * Adds a version as a candidate (its artifacts checked against its version first). Registering a
 * version that is already there changes nothing: versions are content hashes.
 */
export async function registerModel(
  db: Db,
  artifacts: ModelArtifacts,
  info: { createdBy: string; source?: unknown; metrics?: unknown; status?: ModelStatus },
): Promise<{ version: string; created: boolean }> {
  const { meta } = modelFromArtifacts(artifacts, 'model to register', { verify: true });
  const live = info.status === 'live';
  const created = await insertModel(db, {
    version: meta.version,
    status: info.status ?? 'candidate',
    modelJson: artifacts.modelJson,
    metaJson: artifacts.metaJson,
    weights: artifacts.weights,
    metrics: jsonText(info.metrics),
    source: jsonText(info.source),
    createdBy: info.createdBy,
    promotedAt: live ? new Date() : null,
    promotedBy: live ? info.createdBy : null,
  });
  return { version: meta.version, created };
}

/** Stores evaluation summaries with a version (`model eval`, `model train`). */
export async function setMetrics(db: PoolDb, version: string, metrics: unknown): Promise<void> {
  await db.prisma.detectorModel.updateMany({ where: { version }, data: { metrics: json(metrics) } });
}

/**
 * A version's weights and meta: from the registry, else (the version in git, or one trained
 * with `tidewatch train`) from models/. Registry artifacts are verified against their version.
 */
export async function loadRegisteredModel(db: PoolDb, version: string, modelsDir = MODELS_DIR): Promise<Omit<StoredModel, 'dir'>> {
  const row = await db.prisma.detectorModel.findUnique({ where: { version }, select: { modelJson: true, metaJson: true, weights: true } });
  if (row) return modelFromArtifacts(row, `model registry: version ${version}`, { verify: true });
  try {
    return modelFromArtifacts(readArtifacts(version, modelsDir), `${modelsDir}detector-${version}`, { verify: true });
  } catch (err) {
    if ((err as Error).message.includes('not found'))
      throw new RegistryError(`model ${version} is neither in the registry (tidewatch model list) nor under ${modelsDir}`);
    throw err;
  }
}

/** Inside the lock: the live row, recording the version in git as live first if none is. */
async function liveRow(tx: Db, actor: string, modelsDir: string): Promise<string> {
  const live = await selectLiveVersion(tx);
  if (live) return live;
  const version = resolveVersion(modelsDir);
  if (await selectModel(tx, version)) await makeLive(tx, version, { at: new Date(), actor });
  else
    await registerModel(tx, readArtifacts(version, modelsDir), {
      createdBy: `${actor} (bootstrap: models/current.json)`,
      source: { bootstrap: 'models/current.json' },
      status: 'live',
    });
  return version;
}

export interface PromoteInput {
  version: string;
  actor: string;
  forced: boolean;
  /** The live version the challenge-set check compared against: refused if another became live meanwhile. */
  checkedAgainst: string;
  /** The check's figures, kept in the audit event. */
  check: unknown;
  modelsDir?: string;
}

/** Makes a registered version live; the one it replaces is retired and remembered for rollback. */
export async function promoteModel(db: PoolDb, input: PromoteInput): Promise<{ previous: string }> {
  const modelsDir = input.modelsDir ?? MODELS_DIR;
  return db.transaction(
    async (tx) => {
      await lockRegistry(tx);
      const target = await selectModel(tx, input.version);
      if (!target)
        throw new RegistryError(
          `model ${input.version} is not in the registry: register it with \`tidewatch model train\` or \`tidewatch model import\``,
        );
      const previous = await liveRow(tx, input.actor, modelsDir);
      if (previous === input.version) throw new RegistryError(`model ${input.version} is already live`, 'conflict');
      if (previous !== input.checkedAgainst)
        throw new RegistryError(
          `the live model changed to ${previous} during the check (was ${input.checkedAgainst}); run the promotion again`,
        );
      const now = new Date();
      await retireModel(tx, previous, now);
      await makeLive(tx, input.version, { at: now, actor: input.actor, forced: input.forced, previousLive: previous });
      await appendAudit(tx, {
        actor: input.actor,
        action: 'model.promote',
        subjectType: 'detector_model',
        subjectId: input.version,
        before: { live: previous },
        after: { live: input.version, forced: input.forced, check: input.check },
      });
      return { previous };
    },
    { statementTimeoutMs: 30_000 },
  );
}

/** Returns to the version the live one replaced; refused when it replaced none. */
export async function rollbackModel(db: PoolDb, input: { actor: string; modelsDir?: string }): Promise<{ from: string; to: string }> {
  return db.transaction(
    async (tx) => {
      await lockRegistry(tx);
      const live = await selectLiveVersion(tx);
      const row = live ? await selectModel(tx, live) : undefined;
      if (!live || !row?.previousLive) {
        throw new RegistryError(
          `nothing to roll back to: the live model (${live ?? `${resolveVersion(input.modelsDir ?? MODELS_DIR)}, from models/current.json`}) did not replace another`,
        );
      }
      const to = row.previousLive;
      if (!(await selectModel(tx, to))) throw new RegistryError(`cannot roll back: the previous model ${to} is no longer in the registry`);
      const now = new Date();
      await retireModel(tx, live, now);
      // `previousLive` of the restored version stays: a second rollback goes one further back.
      await makeLive(tx, to, { at: now, actor: input.actor, forced: false });
      await appendAudit(tx, {
        actor: input.actor,
        action: 'model.rollback',
        subjectType: 'detector_model',
        subjectId: to,
        before: { live },
        after: { live: to },
      });
      return { from: live, to };
    },
    { statementTimeoutMs: 30_000 },
  );
}

function json(value: unknown): Prisma.InputJsonValue | undefined {
  return value === undefined || value === null ? undefined : (JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue);
}

/** The JSON a Prisma Json column would store for `value` (Dates as ISO text), or null for nothing. */
function jsonText(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}
