/**
 * The network guard itself. Its decisions are checked as a pure function; the live checks use
 * calls Node would reject before any DNS query or SYN even if the guard were missing (a port out
 * of range, an invalid address family), so this file cannot reach out whatever state the guard is
 * in, and asserts the guard answered first with its own message.
 */
import { execFile } from 'node:child_process';
import dns from 'node:dns';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { netGuardDecision, netGuardEnv, netGuardInstalled, takeViolations } from './net-guard.mjs';

describe('network guard', () => {
  it('decides: loopback names and addresses pass, anything else is refused by name', () => {
    for (const host of [
      '127.0.0.1',
      '127.8.9.10',
      '::1',
      '[::1]',
      '::ffff:127.0.0.1',
      '0.0.0.0',
      'localhost',
      'LOCALHOST.',
      'api.localhost',
      undefined,
      '',
    ]) {
      expect(netGuardDecision('connect', host, 80), String(host)).toBeNull();
      expect(netGuardDecision('lookup', host), String(host)).toBeNull();
    }
    expect(netGuardDecision('connect', '192.0.2.1', 443)).toBe(
      'net-guard: a connection to 192.0.2.1:443 from a test; tests must not reach outside this machine',
    );
    expect(netGuardDecision('connect', '10.0.0.1', 5432)).toMatch(/10\.0\.0\.1:5432/);
    expect(netGuardDecision('connect', '::ffff:8.8.8.8', 53)).toMatch(/::ffff:8\.8\.8\.8/);
    expect(netGuardDecision('connect', '2606:4700::1', 443)).toMatch(/2606:4700::1/);
    expect(netGuardDecision('connect', 'www.facebook.com', 443)).toMatch(/"www\.facebook\.com":443/);
    expect(netGuardDecision('lookup', 'x.com')).toBe(
      'net-guard: a DNS lookup of "x.com" from a test; tests must not reach outside this machine',
    );
    expect(netGuardDecision('lookup', 'localhost.example.org')).toMatch(/localhost\.example\.org/);
    // resolve* always queries a DNS server, even for localhost.
    expect(netGuardDecision('resolve', 'localhost')).toMatch(/DNS query/);
  });

  it('is installed in this worker and answers before Node would even validate the call', async () => {
    expect(netGuardInstalled()).toBe(true);
    // Port 70000 and family 5 make Node throw before any I/O; the guard's own error shows it came first.
    const socket = net.connect({ host: '192.0.2.1', port: 70000 });
    const err = await new Promise<Error>((resolve) => socket.once('error', resolve));
    expect(err.message).toMatch(/^net-guard: a connection to 192\.0\.2\.1:70000/);
    const viaHttpName = net.connect({ host: 'guard-check.invalid', port: 70000 });
    expect((await new Promise<Error>((resolve) => viaHttpName.once('error', resolve))).message).toMatch(/"guard-check\.invalid":70000/);
    await expect(dns.promises.lookup('guard-check.invalid', { family: 5 as 4 })).rejects.toThrow(
      /^net-guard: a DNS lookup of "guard-check\.invalid"/,
    );
    const cbErr = await new Promise<Error | null>((resolve) => dns.lookup('guard-check.invalid', { family: 5 as 4 }, (e) => resolve(e)));
    expect(cbErr?.message).toMatch(/^net-guard: a DNS lookup/);
    // Recorded too, so a library that swallows the error cannot hide it (afterEach would fail this test).
    expect(takeViolations()).toHaveLength(4);
  });

  it('is loaded into the processes tests spawn (NODE_OPTIONS from netGuardEnv)', async () => {
    // A report file of its own, not this worker's: this probe's violation is deliberate.
    const report = join(mkdtempSync(join(tmpdir(), 'tw-guard-')), 'report.log');
    const env = { ...netGuardEnv(), TIDEWATCH_NET_GUARD_REPORT: report };
    const script = "require('node:net').connect({ host: '192.0.2.1', port: 70000 }).on('error', (e) => console.log(e.message))";
    const out = await new Promise<string>((resolve, reject) =>
      execFile(process.execPath, ['-e', script], { env: { PATH: process.env.PATH ?? '', ...env } }, (e, stdout, stderr) =>
        e ? reject(e) : resolve(stdout + stderr),
      ),
    );
    expect(out).toContain('NetGuardError: net-guard: a connection to 192.0.2.1:70000');
    // The parent's afterEach reads this file and fails the test that spawned the process.
    expect(readFileSync(report, 'utf8')).toMatch(/^net-guard: a connection to 192\.0\.2\.1:70000 .*\(pid \d+\)\n$/);
    rmSync(dirname(report), { recursive: true, force: true });
  });
});
