/** @jsxImportSource hono/jsx */
/**
 * The funnel figure: posts, accounts and pages at every stage, and what became of the items
 * confirmed in the range, so "referred 4" never sits beside "12 confirmed" unexplained: the four
 * delivery stages add up to the confirmed count, and the page says so in words.
 */
import { DELIVERY_STAGES, STAGES } from '../../../analytics/facts.ts';
import type { Stats } from '../../../analytics/stats.ts';
import { BarChart } from './charts.tsx';
import { STAGE_LABELS } from './labels.ts';

/** What each delivery stage means, and what an operator can do about it. */
const DELIVERY_NOTES: Record<(typeof DELIVERY_STAGES)[number], string> = {
  confirmedReferred: 'referred: the notice has been sent to the platform',
  awaitingDelivery: 'awaiting delivery: queued, held for the platform’s next action day, or not referred yet',
  deliveryFailed: 'delivery failed: the platform could not be reached; re-deliver with “tidewatch referrals redeliver”',
  notReferable: 'not referable: the platform takes no referrals (delivery mode “none”)',
};

export function Funnel(props: { stats: Stats; children?: unknown }) {
  const s = props.stats;
  const confirmed = s.counts.confirmed.posts;
  return (
    <figure data-chart="funnel">
      <figcaption>Posts, accounts and pages at each stage</figcaption>
      <BarChart
        id="chart-funnel"
        title="Posts, accounts and pages per stage"
        labels={STAGES.map((st) => STAGE_LABELS[st])}
        series={(['posts', 'accounts', 'pages'] as const).map((k) => ({ name: k, values: STAGES.map((st) => s.counts[st][k]) }))}
      />
      <section class="delivery" aria-labelledby="delivery-heading" data-delivery="">
        <h3 id="delivery-heading">
          What became of the <span data-stage-count="confirmed">{confirmed}</span> {confirmed === 1 ? 'item' : 'items'} confirmed in this
          range
        </h3>
        <ul>
          {DELIVERY_STAGES.map((st) => (
            <li>
              <b data-stage-count={st}>{s.counts[st].posts}</b> {DELIVERY_NOTES[st]}
            </li>
          ))}
        </ul>
        <p class="note">
          These four add up to the confirmed items. “Referred (sent)” above counts every notice sent in the range, including automated
          referrals and items confirmed before it, so it can differ from the confirmations.
        </p>
      </section>
      {props.children as never}
    </figure>
  );
}
