/**
 * vitest `setupFiles` (vitest.config.ts, vitest.faults.config.ts): installs the network guard
 * (test/net-guard.mjs) in every test worker and fails the running test if it, or a tidewatch
 * process it spawned, tried to resolve or reach a host outside this machine.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach } from 'vitest';
import { installNetGuard, takeViolations } from './net-guard.mjs';

// Spawned processes append their violations here (netGuardEnv passes the path on).
const report = join(tmpdir(), `tidewatch-net-guard-${process.pid}.log`);
process.env.TIDEWATCH_NET_GUARD_REPORT = report;
installNetGuard();

afterEach(() => {
  const seen = takeViolations();
  if (existsSync(report)) {
    seen.push(...readFileSync(report, 'utf8').split('\n').filter(Boolean));
    rmSync(report, { force: true });
  }
  if (seen.length > 0) throw new Error(`the test tried to reach outside this machine:\n  ${seen.join('\n  ')}`);
});
afterAll(() => rmSync(report, { force: true }));
