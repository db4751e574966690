import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { netGuardEnv } from './net-guard.mjs';

export const ROOT = path.resolve(import.meta.dirname, '..');
const BIN = path.join(ROOT, 'bin/tidewatch.mjs');

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * A clean environment for a `tidewatch` child process, plus `env`: stages that fetch posts' URLs stay
 * off unless a test turns them on, and the network guard comes along.
 */
export function cliEnv(logLevel: string, env: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/tmp',
    LOG_LEVEL: logLevel,
    EVIDENCE_CAPTURE: 'off',
    LIVENESS_SCHEDULE: 'off',
    // Workers that deliver refuse the placeholder sender (core/config.ts placeholderSenderProblem).
    NOTIFIER_NAME: 'Tidewatch test desk',
    NOTIFIER_EMAIL: 'notices@tidewatch.test',
    ...netGuardEnv(),
    ...env,
  };
}

/** Runs the real `tidewatch` CLI as a user would, with a clean environment plus `env`. */
export function runCli(args: string[], env: Record<string, string>, opts: { timeoutMs?: number; input?: string } = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: cliEnv('warn', env) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 170_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    if (opts.input !== undefined) child.stdin.end(opts.input);
    else child.stdin.end();
  });
}

/** Processes whose command line contains `text` (a data directory, a port): servers a command left running. */
export async function processesUsing(text: string): Promise<string[]> {
  const found: string[] = [];
  for (const pid of (await readdir('/proc')).filter((p) => /^\d+$/.test(p))) {
    const cmd = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    if (cmd.includes(text) && Number(pid) !== process.pid) found.push(`${pid} ${cmd.replaceAll('\0', ' ')}`);
  }
  return found;
}
