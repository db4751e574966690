/**
 * A throwaway Redis Cluster for tests: `redis-server` processes in cluster mode on free loopback
 * ports, data in a temp dir, joined by `redis-cli --cluster create` with no replicas.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../core/free-port.ts';

const run = promisify(execFile);

export interface LocalCluster {
  ports: number[];
  /** `redis+cluster://127.0.0.1:p1,127.0.0.1:p2,…`, as REDIS_URL takes it. */
  url: string;
  /** Runs a redis-cli command against one node and returns its output. */
  cli(port: number, ...args: string[]): Promise<string>;
  stop(): Promise<void>;
}

const cli = async (port: number, ...args: string[]) => (await run('redis-cli', ['-h', '127.0.0.1', '-p', String(port), ...args])).stdout;

async function waitFor(what: string, check: () => Promise<boolean>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check().catch(() => false))) {
    if (Date.now() > end) throw new Error(`local cluster: ${what} not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function startLocalCluster(size = 3): Promise<LocalCluster> {
  const version = /v=(\d+)/.exec((await run('redis-server', ['--version']).catch(() => ({ stdout: '' }))).stdout)?.[1];
  // --cluster-port (the bus on a port of our choosing) is Redis 7.
  if (!version || Number(version) < 7 || !(await run('redis-cli', ['--version']).catch(() => undefined)))
    throw new Error('a local Redis Cluster needs redis-server >= 7 and redis-cli on the PATH (apt-get install redis-server)');
  const dir = await mkdtemp(path.join(tmpdir(), 'tw-cluster-'));
  const children: ChildProcess[] = [];
  const ports: number[] = [];
  const stop = async () => {
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
          }),
      ),
    );
    await rm(dir, { recursive: true, force: true });
  };
  try {
    for (let i = 0; i < size; i++) {
      // The cluster bus takes port+10000 by default, which may be taken or past 65535: give it its own.
      const [port, busPort] = [await freePort(), await freePort()];
      ports.push(port);
      const args = [
        ...['--port', String(port), '--cluster-port', String(busPort), '--bind', '127.0.0.1'],
        ...['--cluster-enabled', 'yes', '--cluster-config-file', `nodes-${port}.conf`, '--cluster-node-timeout', '5000'],
        ...['--dir', dir, '--save', '', '--appendonly', 'no'],
      ];
      children.push(spawn('redis-server', args, { stdio: 'ignore' }));
    }
    for (const port of ports) await waitFor(`node ${port} answering`, async () => (await cli(port, 'ping')).trim() === 'PONG');
    await run('redis-cli', ['--cluster', 'create', ...ports.map((p) => `127.0.0.1:${p}`), '--cluster-replicas', '0', '--cluster-yes']);
    for (const port of ports)
      await waitFor(`cluster_state:ok on ${port}`, async () => (await cli(port, 'cluster', 'info')).includes('cluster_state:ok'));
  } catch (err) {
    await stop();
    throw err;
  }
  return { ports, url: `redis+cluster://${ports.map((p) => `127.0.0.1:${p}`).join(',')}`, cli, stop };
}
