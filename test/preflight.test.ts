/**
 * The test run's preflight names every missing prerequisite at once, each with how to get it, and
 * finds the browser the same way evidence capture does (core/chromium.ts).
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { findChromium, SYSTEM_CHROMIUM } from '../core/chromium.ts';
import { freePort } from '../core/free-port.ts';
import { preflight, preflightMessage } from './preflight.ts';
import { ADMIN_URL, REDIS_URL } from './services.ts';

describe('preflight', () => {
  it('passes when Redis, PostgreSQL and a Chromium are there', async () => {
    expect(await preflight({ redisUrl: REDIS_URL, databaseUrl: ADMIN_URL, chromiumPath: undefined })).toEqual([]);
  });

  it('reports a missing browser and an unreachable Redis together, each with its install line', async () => {
    const closed = await freePort(); // nothing listens there once the probe is closed
    const problems = await preflight({
      redisUrl: `redis://127.0.0.1:${closed}`,
      databaseUrl: ADMIN_URL,
      chromiumPath: '/nonexistent/chromium',
    });
    expect(problems).toHaveLength(2);
    const message = preflightMessage(problems);
    expect(message).toMatch(/2 prerequisites are missing/);
    expect(message).toContain(`Redis does not answer at redis://127.0.0.1:${closed}`);
    expect(message).toContain('apt-get install redis-server');
    expect(message).toContain('CHROMIUM_PATH=/nonexistent/chromium does not exist');
    expect(message).toContain('apt-get install chromium');
    expect(message).not.toContain('PostgreSQL');
  });

  it('reports an unreachable PostgreSQL with its install line, never its password', async () => {
    const closed = await freePort();
    const [problem, ...rest] = await preflight({
      redisUrl: REDIS_URL,
      databaseUrl: `postgresql://postgres:hunter2secret@127.0.0.1:${closed}/postgres`,
      chromiumPath: undefined,
    });
    expect(rest).toEqual([]);
    expect(problem).toContain('apt-get install postgresql');
    expect(problem).not.toContain('hunter2secret');
  });
});

describe('findChromium', () => {
  it('takes CHROMIUM_PATH when set, and only it', () => {
    expect(findChromium(process.execPath)).toEqual({ path: process.execPath });
    expect(findChromium('/nonexistent/chromium')).toEqual({ missing: 'CHROMIUM_PATH=/nonexistent/chromium does not exist' });
  });

  it('unset, finds the system Chromium, else a Playwright-managed one', () => {
    const found = findChromium(undefined);
    expect('path' in found && existsSync(found.path)).toBe(true);
    if (existsSync(SYSTEM_CHROMIUM)) expect(found).toEqual({ path: SYSTEM_CHROMIUM });
    else expect(found).toEqual({ path: chromium.executablePath() });
  });
});
