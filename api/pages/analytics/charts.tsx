/** @jsxImportSource hono/jsx */
/**
 * Charts as server-rendered inline SVG: d3-scale and d3-shape do the arithmetic on the server,
 * the browser only draws markup, so the page needs no script and no network. Every mark carries
 * `data-point` / `data-series` / `data-label` / `data-value` (what tests and screen readers read)
 * and a <title> tooltip; series differ by fill, hatching, dash and legend text, not by colour
 * alone, and each chart's <desc> states its values in words for screen readers. A chart with
 * nothing to draw says so instead of drawing empty 0–1 axes.
 */
import { scaleBand, scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';

const W = 760;
const H = 290;
// Room below and to the left for rotated labels such as "2026-09-01 (partial)".
const M = { top: 18, right: 16, bottom: 84, left: 92 };
const innerW = W - M.left - M.right;
const innerH = H - M.top - M.bottom;

const fmt = (v: number | null, percent: boolean) => (v === null ? 'n/a' : percent ? `${Math.round(v * 1000) / 10} %` : String(v));

/** Greyscale-safe series styles: solid black, diagonal hatching (dashed line), white outline (dotted line). */
const HATCH_ID = 'chart-hatch';
const STYLES = [
  { stroke: '#111', fill: '#111', dash: undefined },
  { stroke: '#555', fill: `url(#${HATCH_ID})`, dash: '6 4' },
  { stroke: '#111', fill: '#fff', dash: '2 3' },
] as const;

/** The hatching the second series fills with; defined once per page (the page renders it first). */
export function ChartPatterns() {
  return (
    <svg width="0" height="0" aria-hidden="true" focusable="false" class="chart-defs">
      <defs>
        <pattern id={HATCH_ID} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" fill="#fff" />
          <line x1="0" y1="0" x2="0" y2="6" stroke="#111" stroke-width="2.5" />
        </pattern>
      </defs>
    </svg>
  );
}

export interface ChartSeries {
  name: string;
  values: (number | null)[];
}

/** Shown instead of a chart with no rows or only zeros. */
function NoData(props: { text: string | undefined }) {
  return (
    <p class="no-data" data-no-data="">
      {props.text ?? 'No data in this range.'}
    </p>
  );
}

/** Something to draw: a non-zero count, or any rate at all (0 % is a finding). */
const hasData = (series: ChartSeries[], percent = false) => series.some((s) => s.values.some((v) => v !== null && (percent || v !== 0)));

/** The chart's values in words: "facebook: flagged 5, referred 3; telegram: …". */
function describe(labels: string[], series: ChartSeries[], percent: boolean): string {
  return labels.map((l, i) => `${l}: ${series.map((s) => `${s.name} ${fmt(s.values[i] ?? null, percent)}`).join(', ')}`).join('; ');
}

function YAxis(props: { y: ReturnType<typeof scaleLinear<number, number>>; percent: boolean }) {
  return (
    <g class="axis y">
      {/* Counts get whole-number ticks only. */}
      {props.y
        .ticks(5)
        .filter((t) => props.percent || Number.isInteger(t))
        .map((t) => (
          <g transform={`translate(0,${props.y(t)})`}>
            <line x1={0} x2={innerW} stroke="#ddd" />
            <text x={-6} dy="0.32em" text-anchor="end" font-size="11">
              {props.percent ? `${Math.round(t * 100)}%` : t}
            </text>
          </g>
        ))}
    </g>
  );
}

/** Category labels under the plot; thinned to about `max` so they never overlap. */
function XLabels(props: { labels: string[]; at: (i: number) => number; max?: number }) {
  const every = Math.max(1, Math.ceil(props.labels.length / (props.max ?? 12)));
  return (
    <g class="axis x" transform={`translate(0,${innerH})`}>
      <line x1={0} x2={innerW} stroke="#111" />
      {props.labels.map((l, i) =>
        i % every === 0 ? (
          <text x={props.at(i)} y={14} text-anchor="end" font-size="11" transform={`rotate(-30 ${props.at(i)} 14)`}>
            {l}
          </text>
        ) : null,
      )}
    </g>
  );
}

function Legend(props: { series: ChartSeries[]; kind: 'line' | 'bar' }) {
  if (props.series.length < 2) return null;
  return (
    <ul class="legend" aria-hidden="true">
      {props.series.map((s, i) => {
        const st = STYLES[i % STYLES.length]!;
        return (
          <li>
            <svg width="28" height="12">
              {props.kind === 'line' ? (
                <line x1="0" y1="6" x2="28" y2="6" stroke={st.stroke} stroke-width="2.5" stroke-dasharray={st.dash} />
              ) : (
                <rect x="4" y="1" width="20" height="10" fill={st.fill} stroke="#111" />
              )}
            </svg>
            {s.name}
          </li>
        );
      })}
    </ul>
  );
}

function Frame(props: { id: string; title: string; desc: string; children: unknown }) {
  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      width="100%"
      role="img"
      aria-labelledby={`${props.id}-title`}
      aria-describedby={`${props.id}-desc`}
      data-chart-svg={props.id}
    >
      <title id={`${props.id}-title`}>{props.title}</title>
      <desc id={`${props.id}-desc`}>{props.desc}</desc>
      <g transform={`translate(${M.left},${M.top})`}>{props.children as never}</g>
    </svg>
  );
}

/**
 * Lines over ordered labels (dates), one marker per value. A `partial` bucket (a week the range
 * cuts) gets a hollow square marker and "(partial)" in its label and tooltip.
 */
export function LineChart(props: {
  id: string;
  title: string;
  labels: string[];
  series: ChartSeries[];
  partial?: boolean[];
  empty?: string;
}) {
  if (!hasData(props.series)) return <NoData text={props.empty} />;
  const isPartial = (i: number) => props.partial?.[i] ?? false;
  const labels = props.labels.map((l, i) => (isPartial(i) ? `${l} (partial)` : l));
  const max = Math.max(1, ...props.series.flatMap((s) => s.values.map((v) => v ?? 0)));
  const y = scaleLinear().domain([0, max]).nice().range([innerH, 0]);
  // Points sit in the middle of equal slots, so the first and last labels stay inside the chart.
  const step = innerW / props.labels.length;
  const x = (i: number) => (i + 0.5) * step;
  return (
    <>
      <Frame id={props.id} title={props.title} desc={describe(labels, props.series, false)}>
        <YAxis y={y} percent={false} />
        <XLabels labels={labels} at={x} />
        {props.series.map((s, si) => {
          const st = STYLES[si % STYLES.length]!;
          const path = line<number | null>()
            .defined((v) => v !== null)
            .x((_, i) => x(i))
            .y((v) => y(v ?? 0))(s.values);
          return (
            <g data-series={s.name}>
              <path d={path ?? ''} fill="none" stroke={st.stroke} stroke-width="2.5" stroke-dasharray={st.dash} />
              {s.values.map((v, i) => {
                if (v === null) return null;
                const mark = {
                  'data-point': '',
                  'data-series': s.name,
                  'data-label': props.labels[i],
                  'data-value': v,
                  'data-partial': isPartial(i) ? 'true' : undefined,
                };
                const tip = <title>{`${labels[i]}: ${s.name} ${v}`}</title>;
                return isPartial(i) ? (
                  <rect x={x(i) - 4.5} y={y(v) - 4.5} width="9" height="9" fill="#fff" stroke="#111" stroke-width="2" {...mark}>
                    {tip}
                  </rect>
                ) : (
                  <circle cx={x(i)} cy={y(v)} r="3.5" fill={st.fill === `url(#${HATCH_ID})` ? '#888' : st.fill} stroke="#111" {...mark}>
                    {tip}
                  </circle>
                );
              })}
            </g>
          );
        })}
      </Frame>
      <Legend series={props.series} kind="line" />
    </>
  );
}

/** Bars per label, one bar per series side by side; `percent` draws 0–100 % with the value on top. */
export function BarChart(props: {
  id: string;
  title: string;
  labels: string[];
  series: ChartSeries[];
  percent?: boolean;
  /** What to say when there is nothing to draw. */
  empty?: string;
}) {
  const percent = props.percent ?? false;
  if (!hasData(props.series, percent)) return <NoData text={props.empty} />;
  const max = percent ? 1 : Math.max(1, ...props.series.flatMap((s) => s.values.map((v) => v ?? 0)));
  const y = scaleLinear().domain([0, max]).nice().range([innerH, 0]);
  const outer = scaleBand<number>()
    .domain(props.labels.map((_, i) => i))
    .range([0, innerW])
    .padding(0.2);
  const inner = scaleBand<number>()
    .domain(props.series.map((_, i) => i))
    .range([0, outer.bandwidth()])
    .padding(0.08);
  return (
    <>
      <Frame id={props.id} title={props.title} desc={describe(props.labels, props.series, percent)}>
        <YAxis y={y} percent={percent} />
        <XLabels labels={props.labels} at={(i) => outer(i)! + outer.bandwidth() / 2} max={24} />
        {props.series.map((s, si) => {
          const st = STYLES[si % STYLES.length]!;
          return (
            <g data-series={s.name}>
              {s.values.map((v, i) => {
                const bx = outer(i)! + inner(si)!;
                const by = y(v ?? 0);
                return (
                  <g>
                    <rect
                      x={bx}
                      y={by}
                      width={inner.bandwidth()}
                      height={Math.max(0, innerH - by)}
                      fill={st.fill}
                      stroke="#111"
                      data-point=""
                      data-series={s.name}
                      data-label={props.labels[i]}
                      data-value={v ?? ''}
                    >
                      <title>{`${props.labels[i]}: ${s.name} ${fmt(v, percent)}`}</title>
                    </rect>
                    {inner.bandwidth() >= 14 ? (
                      <text x={bx + inner.bandwidth() / 2} y={by - 4} text-anchor="middle" font-size="10">
                        {fmt(v, percent)}
                      </text>
                    ) : null}
                  </g>
                );
              })}
            </g>
          );
        })}
      </Frame>
      <Legend series={props.series} kind="bar" />
    </>
  );
}
