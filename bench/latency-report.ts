/**
 * How `npm run bench` prints (g) and (h): the table rows with their targets, and a line each on
 * what was offered, accepted and seen, the poll, and the machine's load and CPU during the part.
 */
import type { LatencyResult, Measured } from './latency.ts';

type Fmt = (v: number | undefined, digits?: number) => string;
type Row = [string, string, string, string];

export function latencyRows(
  r: LatencyResult | undefined,
  targets: { flagToReviewP99Ms: number; confirmToWebhookP99Ms: number },
  fmt: Fmt,
  verdict: (ok: boolean | undefined) => string,
): Row[] {
  const g = r?.g;
  const h = r?.h;
  const under = (v: number | undefined, t: number) => (v === undefined ? undefined : v < t);
  const rows: Row[] = [];
  if (g)
    rows.push(
      [
        `(g) POST /v1/posts accepted → item seen in GET /v1/review/items, ${fmt(g.rate)} posts/s offered for ${g.seconds} s (${g.batch} a request), listing polled every ${g.pollMs} ms: p50, ms`,
        fmt(g.p50Ms),
        '',
        '',
      ],
      ['    p99, ms', fmt(g.p99Ms), '< 2,000', verdict(under(g.p99Ms, targets.flagToReviewP99Ms))],
    );
  if (h)
    rows.push(
      [
        `(h) reviewer's confirm sent → webhook arrived at a fake platform, ${fmt(h.rate)} confirms/s for ${h.seconds} s, evidence capture off, REVIEW_UNDO_SECONDS=0: p50, ms`,
        fmt(h.p50Ms),
        '',
        '',
      ],
      ['    p99, ms', fmt(h.p99Ms), '< 2,000', verdict(under(h.p99Ms, targets.confirmToWebhookP99Ms))],
    );
  return rows;
}

function machineLine(part: string, m: Measured, fmt: Fmt): string {
  const load = (l: number[]) => l.map((v) => v.toFixed(1)).join(' ');
  const cpu = Object.entries(m.cpuSeconds)
    .map(([k, v]) => `${k} ${fmt(v, 1)}`)
    .join(', ');
  const rq = Object.entries(m.runQueue)
    .map(([k, v]) => `${k} ${fmt(v.waitSeconds, 1)}`)
    .join(', ');
  const pg = Object.entries(m.backends.activity)
    .slice(0, 6)
    .map(([k, v]) => `${k} ${fmt(v)}%`)
    .join(', ');
  return [
    `machine during ${part}: load average ${load(m.loadAvgBefore)} before, ${load(m.loadAvgAfter)} after; CPU ${fmt(m.machine.busy)}% busy, ${fmt(m.machine.idle)}% idle, ${fmt(m.machine.steal)}% steal; CPU seconds: ${cpu}`,
    `    seconds waiting for a CPU (run queue, main threads): ${rq}`,
    `    this database's busy backends: ${fmt(m.backends.meanBusy, 1)} on average, doing: ${pg}`,
  ].join('\n');
}

export function printLatencyDetails(r: LatencyResult, fmt: Fmt): void {
  console.log(
    `(g, h) warm-up: ${fmt(r.warmup.posts)} corpus posts in ${fmt(r.warmup.seconds, 1)} s, ${fmt(r.warmup.reviewTexts)} of them routed to review: the texts posted`,
  );
  for (const [name, e] of Object.entries(r.errorLogs))
    if (e.count) console.log(`(g, h) ${name} logged ${fmt(e.count)} errors; the first: ${e.first.join(' | ')}`);
  const g = r.g;
  if (g) {
    console.log(
      `(g) offered ${fmt(g.offered)} posts in ${fmt(g.send.seconds, 1)} s (driver late on its schedule by ${fmt(g.send.lagMeanMs, 1)} ms mean, ${fmt(g.send.lagMaxMs)} max), accepted ${fmt(g.accepted)} (${g.failedRequests} requests failed); outcomes ${JSON.stringify(g.outcomes)}; ${fmt(g.withItem)} with a review item, ${fmt(g.seen)} seen by the poll, ${fmt(g.missedByTail)} missed; max ${fmt(g.maxMs)} ms, p99 from the request sent ${fmt(g.p99FromSentMs)} ms; POST /v1/posts answered in p50 ${fmt(g.acceptP50Ms, 1)} · p99 ${fmt(g.acceptP99Ms, 1)} ms; routed ${fmt(g.drainSeconds, 1)} s after the last post was sent`,
    );
    console.log(
      `(g) the poll: ${fmt(g.tail.polls)} polls, ${fmt(g.tail.requests)} requests, one every ${fmt(g.tail.meanCycleMs)} ms, each ${fmt(g.tail.meanPollMs)} ms (max ${fmt(g.tail.maxPollMs)}): it adds about ${fmt(g.tail.meanCycleMs / 2)} ms on average to each figure (half a cycle), up to a cycle and a poll, ~${fmt(g.tail.meanCycleMs + g.tail.meanPollMs)} ms`,
    );
    console.log(machineLine('(g)', g.measured, fmt));
  }
  const h = r.h;
  if (h) {
    console.log(
      `(h) ${fmt(h.confirms)} confirms, ${fmt(h.confirmed)} answered 200, ${fmt(h.delivered)} webhooks arrived, ${h.failed} failed; max ${fmt(h.maxMs)} ms; the confirm answered in p50 ${fmt(h.confirmP50Ms, 1)} · p99 ${fmt(h.confirmP99Ms, 1)} ms; driver late by ${fmt(h.send.lagMeanMs, 1)} ms mean, ${fmt(h.send.lagMaxMs)} max`,
    );
    console.log(machineLine('(h)', h.measured, fmt));
  }
}
