/**
 * Prometheus metrics. Counts that matter across the whole deployment (queue depths, jobs
 * processed, decisions) are read from Redis and Postgres at scrape time, so any API process
 * reports the cluster's figures, not just its own; HTTP latency is per process.
 */
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { PoolDb } from './db/index.ts';
import { QUEUE_NAMES, type Queues } from './jobs.ts';

const QUEUE_STATES = ['waiting', 'active', 'delayed', 'prioritized', 'completed', 'failed'] as const;

export interface Metrics {
  registry: Registry;
  httpDuration: Histogram<'method' | 'route' | 'status'>;
}

export function createMetrics(sources: { queues: Queues; db: PoolDb }): Metrics {
  const registry = new Registry();
  const { queues, db } = sources;

  const httpDuration = new Histogram({
    name: 'tidewatch_http_request_duration_seconds',
    help: 'HTTP request latency by method, matched route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });

  new Gauge({
    name: 'tidewatch_queue_jobs',
    help: 'Jobs per queue and state (completed and failed: those still retained)',
    labelNames: ['queue', 'state'] as const,
    registers: [registry],
    async collect() {
      await Promise.all(
        QUEUE_NAMES.map(async (name) => {
          const counts = await queues[name].getJobCounts(...QUEUE_STATES);
          for (const state of QUEUE_STATES) this.set({ queue: name, state }, counts[state] ?? 0);
        }),
      );
    },
  });

  // BullMQ's own per-queue metrics (enabled on the workers) keep lifetime totals in Redis.
  for (const [kind, help] of [
    ['completed', 'Jobs processed successfully since metrics began'],
    ['failed', 'Job attempts that failed since metrics began'],
  ] as const) {
    new Counter({
      name: `tidewatch_jobs_${kind === 'completed' ? 'processed' : 'failed'}_total`,
      help,
      labelNames: ['queue'] as const,
      registers: [registry],
      async collect() {
        this.reset();
        await Promise.all(
          QUEUE_NAMES.map(async (name) => {
            const m = await queues[name].getMetrics(kind, 0, 0);
            this.inc({ queue: name }, m.meta.count);
          }),
        );
      },
    });
  }

  new Counter({
    name: 'tidewatch_review_decisions_total',
    help: 'Reviewer decisions by action',
    labelNames: ['action'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      const rows = await db.prisma.decision.groupBy({ by: ['action'], _count: { _all: true } });
      for (const r of rows) this.inc({ action: r.action }, r._count._all);
    },
  });

  new Gauge({
    name: 'tidewatch_posts',
    help: 'Posts by routing outcome',
    labelNames: ['outcome'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      const rows = await db.prisma.post.groupBy({ by: ['outcome'], _count: { _all: true } });
      for (const r of rows) this.set({ outcome: r.outcome }, r._count._all);
    },
  });

  new Gauge({
    name: 'tidewatch_oldest_pending_post_age_seconds',
    help: 'Age of the oldest post still waiting for classification (0 when none): alert when it nears RECOVER_PENDING_AFTER_MS',
    registers: [registry],
    async collect() {
      // Served by the (outcome, ingestedAt) index: one row read.
      const oldest = await db.prisma.post.findFirst({
        where: { outcome: 'pending' },
        orderBy: { ingestedAt: 'asc' },
        select: { ingestedAt: true },
      });
      this.set(oldest ? Math.max(0, (Date.now() - oldest.ingestedAt.getTime()) / 1000) : 0);
    },
  });

  return { registry, httpDuration };
}
