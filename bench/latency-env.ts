/** The types (g) and (h) share (bench/latency.ts runs them; flag-to-review.ts and confirm-to-webhook.ts measure). */
import type pg from 'pg';
import type { PostInput } from '../core/post-input.ts';
import type { Queues } from '../core/queues.ts';
import type { FakePlatform } from '../test/fake-platform.ts';
import type { Spawned } from './bench-env.ts';
import type { BackendProfile } from './wait-profile.ts';

/** What (g) and (h) share: the running processes, keys, the database and queues. */
export interface LatencyEnv {
  base: string;
  keys: { ingest: string; analyst: string; reviewer: string };
  sql: pg.Client;
  queues: Queues;
  fake: FakePlatform;
  processes: Spawned[];
  /** Corpus texts (with their language as posted) that the detector routed to review in the warm-up. */
  reviewTexts: { text: string; lang: string | null | undefined }[];
  /** Prefix of this run's platformPostIds. */
  run: string;
  /** POST /v1/posts as the ingest key. */
  postPosts(posts: PostInput[]): Promise<{ status: number; accepted: { index: number; id: string }[] }>;
  /** Waits until no ingest or classify job is left and every post with these ids is routed. */
  drained(platformPostIdPrefix: string, expected: number, timeoutMs: number): Promise<void>;
  /**
   * Stands in for autovacuum's analyses while posts flow, where the server runs with autovacuum off
   * (this machine's does: `SHOW autovacuum`); the function returned stops it. Autovacuum analyses a
   * table once a tenth of it changed, checking every minute (PostgreSQL's defaults).
   */
  analyzeWhileRunning(): Promise<() => void>;
  /** Starts recording load, CPU and waits over the timed part of a measurement. */
  startMeasuring(): Promise<() => Promise<Measured>>;
}

/** Machine and process figures over one part: load average, CPU shares, CPU seconds per process. */
export interface Measured {
  loadAvgBefore: number[];
  loadAvgAfter: number[];
  machine: { busy: number; idle: number; steal: number };
  cpuSeconds: Record<string, number>;
  /** Per process group, seconds on a CPU and seconds waiting for one (main threads, /proc schedstat). */
  runQueue: Record<string, { runSeconds: number; waitSeconds: number }>;
  /** What this database's busy backends were doing, sampled every 100 ms. */
  backends: BackendProfile;
}
