/** @jsxImportSource hono/jsx */
/**
 * Charts as server-rendered inline SVG: d3-scale and d3-shape do the arithmetic on the server,
 * the browser only draws markup, so the page needs no script and no network. Every mark carries
 * `data-point` / `data-series` / `data-label` / `data-value` (what tests and screen readers read)
 * and a <title> tooltip; series differ by fill, dash and legend text, not by colour alone.
 */
import { scaleBand, scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';

const W = 760;
const H = 260;
const M = { top: 18, right: 16, bottom: 60, left: 72 };
const innerW = W - M.left - M.right;
const innerH = H - M.top - M.bottom;

/** Greyscale-safe series styles: solid black, dashed grey, dotted outline. */
const STYLES = [
  { stroke: '#111', fill: '#111', dash: undefined },
  { stroke: '#555', fill: '#888', dash: '6 4' },
  { stroke: '#111', fill: '#fff', dash: '2 3' },
] as const;

export interface ChartSeries {
  name: string;
  values: (number | null)[];
}

const fmt = (v: number | null, percent: boolean) => (v === null ? 'n/a' : percent ? `${Math.round(v * 1000) / 10} %` : String(v));

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

function Frame(props: { id: string; title: string; children: unknown }) {
  return (
    <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-labelledby={`${props.id}-title`} data-chart-svg={props.id}>
      <title id={`${props.id}-title`}>{props.title}</title>
      <g transform={`translate(${M.left},${M.top})`}>{props.children as never}</g>
    </svg>
  );
}

/** Lines over ordered labels (dates), one marker per value. */
export function LineChart(props: { id: string; title: string; labels: string[]; series: ChartSeries[] }) {
  const max = Math.max(1, ...props.series.flatMap((s) => s.values.map((v) => v ?? 0)));
  const y = scaleLinear().domain([0, max]).nice().range([innerH, 0]);
  const step = props.labels.length > 1 ? innerW / (props.labels.length - 1) : 0;
  const x = (i: number) => (props.labels.length > 1 ? i * step : innerW / 2);
  return (
    <>
      <Frame id={props.id} title={props.title}>
        <YAxis y={y} percent={false} />
        <XLabels labels={props.labels} at={x} />
        {props.series.map((s, si) => {
          const st = STYLES[si % STYLES.length]!;
          const path = line<number | null>()
            .defined((v) => v !== null)
            .x((_, i) => x(i))
            .y((v) => y(v ?? 0))(s.values);
          return (
            <g data-series={s.name}>
              <path d={path ?? ''} fill="none" stroke={st.stroke} stroke-width="2.5" stroke-dasharray={st.dash} />
              {s.values.map((v, i) =>
                v === null ? null : (
                  <circle
                    cx={x(i)}
                    cy={y(v)}
                    r="3.5"
                    fill={st.fill}
                    stroke="#111"
                    data-point=""
                    data-series={s.name}
                    data-label={props.labels[i]}
                    data-value={v}
                  >
                    <title>{`${props.labels[i]}: ${s.name} ${v}`}</title>
                  </circle>
                ),
              )}
            </g>
          );
        })}
      </Frame>
      <Legend series={props.series} kind="line" />
    </>
  );
}

/** Bars per label, one bar per series side by side; `percent` draws 0–100 % with the value on top. */
export function BarChart(props: { id: string; title: string; labels: string[]; series: ChartSeries[]; percent?: boolean }) {
  const percent = props.percent ?? false;
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
      <Frame id={props.id} title={props.title}>
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
