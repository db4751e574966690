/**
 * Per-process figures from /proc: peak RSS, and CPU time, so a benchmark can say where the
 * machine's cores went (workers, the database backends serving them, Redis). Wall-clock throughput
 * on a shared two-core machine swings with whatever else runs; CPU seconds per post swing less,
 * which makes them the figure to optimise against. Imports nothing but node:fs, so a bare-process
 * measurement (bench/detector-memory.ts) can use it without loading anything else.
 */
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

function statusMb(pid: number, field: 'VmHWM' | 'VmRSS'): number | undefined {
  try {
    const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Peak resident set size (VmHWM) of a live process, in MB; undefined once it is gone. */
export const peakRssMb = (pid: number) => statusMb(pid, 'VmHWM');

/** Resident set size now (VmRSS) of a live process, in MB; undefined once it is gone. */
export const rssNowMb = (pid: number) => statusMb(pid, 'VmRSS');

/** utime + stime of a process in seconds; undefined once it is gone. */
export function cpuSeconds(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which may itself hold spaces and parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

function commandLine(pid: string): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
}

/** Pids of the processes whose command line passes `test` (PostgreSQL backends show their database there). */
export function pidsWhere(test: (cmdline: string) => boolean): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d) && test(commandLine(d)))
    .map(Number);
}

/**
 * CPU seconds used by groups of processes between `start()` and `stop()`. A group's pids are looked
 * up again at each reading, so backends that connect mid-run are counted from their first reading;
 * time of a process that exits before `stop()` is lost.
 */
export class CpuMeter {
  readonly #groups: Record<string, () => number[]>;
  #start = new Map<number, number>();

  constructor(groups: Record<string, () => number[]>) {
    this.#groups = groups;
  }

  start(): void {
    this.#start = new Map();
    for (const pids of Object.values(this.#groups)) for (const pid of pids()) this.#start.set(pid, cpuSeconds(pid) ?? 0);
  }

  /** Seconds per group since `start()`. */
  stop(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [name, pids] of Object.entries(this.#groups)) {
      out[name] = pids().reduce((sum, pid) => sum + Math.max(0, (cpuSeconds(pid) ?? 0) - (this.#start.get(pid) ?? 0)), 0);
    }
    return out;
  }
}

/** Backends of one PostgreSQL database (`postgres: <ver>/<cluster>: <user> <db> <host> …`). */
export const postgresBackendsOf = (dbName: string) => () => pidsWhere((c) => c.startsWith('postgres:') && c.includes(` ${dbName} `));

/** The Redis server(s) on this machine. */
export const redisServers = () => pidsWhere((c) => c.startsWith('redis-server') || c.includes('/redis-server '));

/** Whole-machine CPU ticks from /proc/stat: [busy, idle (incl. iowait), steal]. */
export function machineTicks(): [number, number, number] {
  const f = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = f;
  return [user + nice + system + irq + softirq, idle + iowait, steal];
}

/** Shares of the machine's CPU time between two machineTicks() readings, in per cent. */
export function machineShares(a: [number, number, number], b: [number, number, number]): { busy: number; idle: number; steal: number } {
  const d = b.map((v, i) => v - a[i]!);
  const total = Math.max(1, d[0]! + d[1]! + d[2]!);
  return { busy: (100 * d[0]!) / total, idle: (100 * d[1]!) / total, steal: (100 * d[2]!) / total };
}
