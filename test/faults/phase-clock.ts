/** Timestamps of a fault test's phases, since the test began, for its failure and summary messages. */
export function phaseClock(): { phases: string[]; mark(what: string): void } {
  const t0 = Date.now();
  const phases: string[] = [];
  return { phases, mark: (what) => void phases.push(`${what} ${((Date.now() - t0) / 1000).toFixed(1)}s`) };
}
