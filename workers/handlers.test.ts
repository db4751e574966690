import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Loads the handlers of `queues` in a fresh process and says whether the browser driver came with them. */
function loadsBrowserDriver(queues: string[]): boolean {
  const script = `
    import { createRequire } from 'node:module';
    const { HANDLERS } = await import('./workers/handlers.ts');
    for (const q of ${JSON.stringify(queues)}) await HANDLERS[q]();
    const cache = createRequire(import.meta.url).cache;
    console.log(Object.keys(cache).some((k) => k.includes('/node_modules/playwright-core/')));`;
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
  return out.trim() === 'true';
}

describe('handler registry', () => {
  it('loads only the stages a process consumes: the pipeline stages carry no browser driver, evidence does', () => {
    expect(loadsBrowserDriver(['ingest', 'classify', 'refer', 'liveness'])).toBe(false);
    // The check sees the driver when it is there (it is not vacuous).
    expect(loadsBrowserDriver(['evidence'])).toBe(true);
  }, 60_000);
});
