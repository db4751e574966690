/**
 * The rollup's cells. Every fact counts in eight cells, one per level of detail: (platform,
 * language, category) with any of the three rolled up to "all" (platform 0, language and
 * category '*'). A request reads only the level its filters ask for, so a 90-day figure reads
 * 90 rows per stage however many posts there were.
 */
import { REMOVAL_BINS, STAGES } from '../facts.ts';

export const ANY_PLATFORM = 0;
export const ANY = '*';

/** Rollup stages besides the funnel's: time-to-removal bins, referral candidates by outcome, decisions by action. */
export const ttrStage = (bin: string) => `ttr:${bin}`;
export const TTR_STAGES = REMOVAL_BINS.map((b) => ttrStage(b.bin));
export const CANDIDATE_STAGES = ['candidate', 'candidate:confirmed', 'candidate:rejected'] as const;
export const decisionStage = (action: string) => `decision:${action}`;
/** Stages whose cells carry account and page sketches. */
export const FUNNEL_STAGES: readonly string[] = STAGES;

export interface CellKey {
  /** `YYYY-MM-DD`. */
  day: string;
  stage: string;
  platformId: number;
  language: string;
  category: string;
  actor: string;
}

/** A fact as `StatsPostFact` stores it. */
export interface FactRow extends CellKey {
  hoursBin: number | null;
  account: number | null;
  page: number | null;
}

export const keyOf = (c: CellKey) => `${c.day}|${c.stage}|${c.platformId}|${c.language}|${c.category}|${c.actor}`;

/** The eight cells a fact counts in. */
export function cellsOf(f: CellKey): CellKey[] {
  const out: CellKey[] = [];
  for (let m = 0; m < 8; m++) {
    out.push({
      day: f.day,
      stage: f.stage,
      platformId: m & 1 ? f.platformId : ANY_PLATFORM,
      language: m & 2 ? f.language : ANY,
      category: m & 4 ? f.category : ANY,
      actor: f.actor,
    });
  }
  return out;
}
