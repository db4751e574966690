/** @jsxImportSource hono/jsx */
/**
 * The `/analytics` page: filters, headline figures, and one chart per table with the table
 * itself and its CSV / JSON export beside it. Server-rendered; no script, no external assets.
 */
import { raw } from 'hono/html';
import { formatDuration } from '../../../analytics/durations.ts';
import { PRESET_LABELS, PRESETS, presetOf, presetRange } from '../../../analytics/presets.ts';
import type { Stats } from '../../../analytics/stats.ts';
import { cell, columnsOf, tableRows, type TableName } from '../../../analytics/tables.ts';
import { Name } from '../review/bidi.tsx';
import { LANGUAGE_NAMES } from '../review/layout.tsx';
import { BarChart, ChartPatterns, LineChart } from './charts.tsx';
import { Funnel } from './funnel.tsx';
import { categoryLabel } from './labels.ts';

export interface AnalyticsForm {
  from: string;
  to: string;
  bucket: string;
  platform: string;
  language: string;
  category: string;
}

export const CSS = `
body{font:15px/1.45 system-ui,sans-serif;margin:0;color:#111;background:#fff}
header{display:flex;gap:1rem;align-items:center;padding:.5rem 1rem;border-bottom:2px solid #111}
header h1{font-size:1.1rem;margin:0}
main{max-width:72rem;margin:0 auto;padding:1rem}
form.filters{display:flex;flex-wrap:wrap;gap:.6rem;align-items:end;border:1px solid #111;padding:.6rem}
form.filters label{display:flex;flex-direction:column;font-size:.85rem}
input,select,button{font:inherit;padding:.25rem .4rem;border:1px solid #111;background:#fff}
button{border-width:2px;cursor:pointer}
a:focus,button:focus,input:focus,select:focus{outline:3px dashed #111}
.kpis{display:grid;grid-template-columns:repeat(auto-fit,minmax(10rem,1fr));gap:.6rem;margin:1rem 0}
.kpi{border:2px solid #111;padding:.5rem}.kpi b{display:block;font-size:1.5rem}
figure{margin:1.5rem 0;border-top:2px solid #111;padding-top:.5rem}
figcaption{font-weight:600;font-size:1.05rem}
.legend{list-style:none;display:flex;gap:1rem;padding:0;margin:.2rem 0}
.legend svg{vertical-align:middle;margin-right:.3rem}
table{border-collapse:collapse;font-size:.85rem;margin:.4rem 0}
th,td{text-align:right;padding:.2rem .5rem;border-bottom:1px solid #999}
th:first-child,td:first-child{text-align:left}
.exports a{margin-right:.6rem}
.error{border:2px solid #111;padding:.5rem;font-weight:600}
.note{font-size:.85rem;max-width:60rem}
nav.presets{display:flex;flex-wrap:wrap;gap:.4rem;align-items:center;margin:.6rem 0}
nav.presets a{border:1px solid #111;padding:.15rem .5rem;text-decoration:none;color:#111}
nav.presets a[aria-current]{border-width:3px;font-weight:700}
.empty{border:2px dashed #111;padding:1rem;font-size:1.1rem;margin:1rem 0}
.no-data{border:1px dashed #111;padding:.8rem;margin:.4rem 0}
.chart-defs{position:absolute}
.delivery ul{margin:.3rem 0;padding-left:1.2rem}.delivery h3{font-size:1rem;margin:.6rem 0 .2rem}
`;

export function AnalyticsLayout(props: { who?: string | undefined; children: unknown }) {
  return (
    <>
      {/* Standards mode: without the doctype Chromium lays the page out in quirks mode. */}
      {raw('<!DOCTYPE html>')}
      <html lang="en">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>Tidewatch analytics</title>
          <style>{raw(CSS)}</style>
        </head>
        <body>
          <header>
            <h1>
              <a href="/analytics">Tidewatch analytics</a>
            </h1>
            {props.who ? (
              <span>
                signed in as <Name text={props.who} />
              </span>
            ) : null}
            <form method="post" action="/review/sign-out">
              <button type="submit">Sign out</button>
            </form>
          </header>
          <main>{props.children as never}</main>
        </body>
      </html>
    </>
  );
}

function Filters(props: { form: AnalyticsForm; platforms: string[] }) {
  const f = props.form;
  return (
    <form method="get" action="/analytics" class="filters" aria-label="Filters">
      <label>
        From (UTC) <input type="date" name="from" value={f.from} required />
      </label>
      <label>
        To (UTC) <input type="date" name="to" value={f.to} required />
      </label>
      <label>
        Series by
        <select name="bucket">
          <option value="day" selected={f.bucket !== 'week'}>
            day
          </option>
          <option value="week" selected={f.bucket === 'week'}>
            week
          </option>
        </select>
      </label>
      <label>
        Platform
        <select name="platform">
          <option value="">any</option>
          {props.platforms.map((p) => (
            <option value={p} selected={f.platform === p}>
              {p}
            </option>
          ))}
        </select>
      </label>
      <label>
        Language
        <select name="language">
          <option value="">any</option>
          {Object.entries(LANGUAGE_NAMES).map(([code, name]) => (
            <option value={code} selected={f.language === code}>
              {name} ({code})
            </option>
          ))}
        </select>
      </label>
      <label>
        Category <input name="category" value={f.category} size={14} />
      </label>
      <button type="submit">Show</button>
    </form>
  );
}

/** Links that set the range to a preset, keeping the other filters; the preset shown is marked current. */
function Presets(props: { form: AnalyticsForm; now: Date }) {
  const current = presetOf(props.form, props.now);
  return (
    <nav class="presets" aria-label="Date range presets">
      <span>Show:</span>
      {PRESETS.map((p) => {
        const range = presetRange(p, props.now);
        return (
          <a
            href={`/analytics?${formQuery({ ...props.form, ...range })}`}
            data-preset={p}
            aria-current={current === p ? 'true' : undefined}
            title={`${range.from} to ${range.to}`}
          >
            {PRESET_LABELS[p]}
          </a>
        );
      })}
      <span class="note">Weeks start on Monday; all dates are UTC.</span>
    </nav>
  );
}

/** The query string of the current filters (empty ones left out). */
export function formQuery(f: AnalyticsForm): string {
  return new URLSearchParams(Object.entries(f).filter(([, v]) => v !== '')).toString();
}

function DataTable(props: { stats: Stats; table: TableName; query: string; firstColumn?: (code: string) => string }) {
  const columns = columnsOf(props.table);
  const rows = tableRows(props.stats, props.table);
  const href = (format: string) => `/analytics/export?${props.query}${props.query ? '&' : ''}table=${props.table}&format=${format}`;
  return (
    <>
      <details>
        <summary>Table ({rows.length} rows)</summary>
        <table data-table={props.table}>
          <thead>
            <tr>
              {columns.map((c) => (
                <th scope="col">{c}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr>
                {columns.map((c, i) => {
                  const v = cell(r, c) ?? '';
                  return <td>{i === 0 && props.firstColumn ? props.firstColumn(String(v)) : v}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      <p class="exports">
        Export {props.table.replace(/_/g, ' ')}:{' '}
        <a href={href('csv')} data-export={`${props.table}.csv`} download>
          CSV
        </a>
        <a href={href('json')} data-export={`${props.table}.json`} download>
          JSON
        </a>
      </p>
    </>
  );
}

const pct = (x: number | null) => (x === null ? 'n/a' : `${Math.round(x * 1000) / 10} %`);

/** "2026-09-01 – 2026-09-06 (6 of 7 days)" for each bucket the range cuts. */
function partialBuckets(s: Stats): string[] {
  const full = s.range.bucket === 'week' ? 7 : 1;
  return s.series.filter((r) => r.partial).map((r) => `${r.bucket} – ${r.bucketEnd} (${r.days} of ${full} days)`);
}

function Figures(props: { stats: Stats; query: string }) {
  const s = props.stats;
  const q = props.query;
  const partial = partialBuckets(s);
  const volumes = ['flagged', 'referred', 'removed'] as const;
  return (
    <>
      <section class="kpis" aria-label="Headline figures">
        <div class="kpi">
          confirmed <b data-kpi="confirmed">{s.counts.confirmed.posts}</b> items
        </div>
        <div class="kpi">
          referred <b data-kpi="referred">{s.counts.referred.posts}</b> posts
        </div>
        <div class="kpi">
          removed <b data-kpi="removed">{s.counts.removed.posts}</b> posts
        </div>
        <div class="kpi">
          removal rate <b data-kpi="removalRate">{pct(s.removalRate)}</b>
        </div>
        <div class="kpi">
          time to removal <b data-kpi="median">{formatDuration(s.timeToRemovalHours.median)}</b> median, p90{' '}
          <span data-kpi="p90">{formatDuration(s.timeToRemovalHours.p90)}</span>
        </div>
        <div class="kpi">
          automated-referral precision <b data-kpi="precision">{pct(s.automatedReferralPrecision.precision)}</b>
          {s.automatedReferralPrecision.confirmed} confirmed / {s.automatedReferralPrecision.rejected} rejected
        </div>
      </section>
      <Funnel stats={s}>
        <DataTable stats={s} table="funnel" query={q} />
      </Funnel>
      <figure data-chart="series">
        <figcaption>Flagged, referred and removed per {s.range.bucket}</figcaption>
        <LineChart
          id="chart-series"
          title={`Flagged, referred and removed per ${s.range.bucket}`}
          labels={s.series.map((r) => r.bucket)}
          partial={s.series.map((r) => r.partial)}
          series={volumes.map((k) => ({ name: k, values: s.series.map((r) => r[k]) }))}
        />
        {partial.length ? (
          <p class="note" data-partial-note="">
            Partial {s.range.bucket === 'week' ? 'weeks' : 'buckets'}, cut by the range, are drawn as hollow squares and labelled
            “(partial)”: {partial.join('; ')}.
          </p>
        ) : null}
        <DataTable stats={s} table="series" query={q} />
      </figure>
      <figure data-chart="platform_volumes">
        <figcaption>Volumes per platform: flagged, referred and removed</figcaption>
        <BarChart
          id="chart-platform-volumes"
          title="Flagged, referred and removed per platform"
          labels={s.platforms.map((r) => r.platform)}
          series={volumes.map((k) => ({ name: k, values: s.platforms.map((r) => r[k]) }))}
        />
        <p class="note">The numbers are in the per-platform table below.</p>
      </figure>
      <figure data-chart="platforms">
        <figcaption>Removal rate per platform (removed ÷ referred)</figcaption>
        <BarChart
          id="chart-platforms"
          title="Removal rate per platform"
          percent
          labels={s.platforms.map((r) => r.platform)}
          series={[{ name: 'removal rate', values: s.platforms.map((r) => r.removalRate) }]}
          empty="Nothing was referred in this range, so there is no removal rate."
        />
        {s.platforms.some((r) => r.medianHoursToRemoval !== null) ? (
          <p class="note" data-platform-durations="">
            Time to removal (median, p90):{' '}
            {s.platforms
              .filter((r) => r.medianHoursToRemoval !== null)
              .map((r) => `${r.platform} ${formatDuration(r.medianHoursToRemoval)}, ${formatDuration(r.p90HoursToRemoval)}`)
              .join('; ')}
            . Percentiles are read from a histogram, within 0.5 %.
          </p>
        ) : null}
        <DataTable stats={s} table="platforms" query={q} />
      </figure>
      <figure data-chart="time_to_removal">
        <figcaption>Time from referral to confirmed removal</figcaption>
        <BarChart
          id="chart-ttr"
          title="Referrals removed, by time to removal"
          labels={s.timeToRemoval.map((r) => r.bin)}
          series={[{ name: 'removed', values: s.timeToRemoval.map((r) => r.removed) }]}
          empty="Nothing referred in this range has been removed yet."
        />
        <DataTable stats={s} table="time_to_removal" query={q} />
      </figure>
      <figure data-chart="languages">
        <figcaption>Volumes by language</figcaption>
        <BarChart
          id="chart-languages"
          title="Flagged, referred and removed by language"
          labels={s.languages.map((r) => r.language)}
          series={volumes.map((k) => ({ name: k, values: s.languages.map((r) => r[k]) }))}
        />
        <DataTable stats={s} table="languages" query={q} />
      </figure>
      <figure data-chart="categories">
        <figcaption>Volumes by category</figcaption>
        <BarChart
          id="chart-categories"
          title="Flagged, referred and removed by category"
          labels={s.categories.map((r) => categoryLabel(r.category))}
          series={volumes.map((k) => ({ name: k, values: s.categories.map((r) => r[k]) }))}
        />
        <p class="note" data-category-note="">
          “No category cue” (code <code>none</code>): the classifier found none of the category cues (boat crossing, lorry, flight
          documents, land route, job lure, recruitment) in the post, usually because it was dismissed. “Not classified yet” (code{' '}
          <code>unclassified</code>): the post has no classification, such as one still waiting for the classifier.
        </p>
        <DataTable stats={s} table="categories" query={q} firstColumn={(c) => `${categoryLabel(c)} (${c})`} />
      </figure>
      <figure data-chart="decision_mix">
        <figcaption>Review decisions</figcaption>
        <BarChart
          id="chart-decisions"
          title="Review decisions by action"
          labels={s.decisionMix.map((r) => r.action)}
          series={[{ name: 'decisions', values: s.decisionMix.map((r) => r.decisions) }]}
          empty="No review decisions in this range."
        />
        <DataTable stats={s} table="decision_mix" query={q} />
        <h3>Reviewer throughput</h3>
        <DataTable stats={s} table="reviewers" query={q} />
      </figure>
      <p class="note">
        Dates are UTC, both ends included; weeks start on Monday. Referral outcomes (acknowledged, removed, declined) belong to the day the
        referral was sent; what became of a confirmation belongs to the day it was confirmed. Removed means the platform reported it
        actioned or Tidewatch’s liveness check saw the content gone, whichever came first. Accounts and pages are counted over posts that
        were not dismissed.
      </p>
    </>
  );
}

export function AnalyticsPage(props: {
  who: string;
  form: AnalyticsForm;
  platforms: string[];
  stats?: Stats;
  error?: string;
  /** Decides the presets' dates; the request's time. */
  now?: Date;
}) {
  const s = props.stats;
  return (
    <AnalyticsLayout who={props.who}>
      <ChartPatterns />
      <Filters form={props.form} platforms={props.platforms} />
      <Presets form={props.form} now={props.now ?? new Date()} />
      {props.error ? (
        <p class="error" role="alert">
          {props.error}
        </p>
      ) : null}
      {s && s.empty ? (
        <p class="empty" role="status" data-empty="">
          No data in this range ({s.range.from} to {s.range.to}): nothing was flagged, reviewed or referred. Try a wider range or one of the
          presets above.
        </p>
      ) : null}
      {s && !s.empty ? <Figures stats={s} query={formQuery(props.form)} /> : null}
    </AnalyticsLayout>
  );
}
