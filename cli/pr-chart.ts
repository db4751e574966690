/**
 * A precision-recall chart as hand-written SVG (no chart library: one polyline per curve, axes,
 * grid and the operating points), for `tidewatch eval` reports.
 */
import type { PrPoint } from '../detector/model/eval-metrics.ts';

export interface ChartCurve {
  name: string;
  points: PrPoint[];
  colour: string;
}

export interface ChartMarker {
  label: string;
  precision: number;
  recall: number;
}

const W = 640;
const H = 480;
const M = { left: 60, right: 170, top: 40, bottom: 50 };
const PW = W - M.left - M.right;
const PH = H - M.top - M.bottom;
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** Precision axis starts at 0.5: below that a detector is no use, and the interesting part is the top. */
const P_MIN = 0.5;
const x = (recall: number) => M.left + recall * PW;
const y = (precision: number) => M.top + (1 - (Math.max(precision, P_MIN) - P_MIN) / (1 - P_MIN)) * PH;

export function prChartSvg(title: string, curves: readonly ChartCurve[], markers: readonly ChartMarker[] = []): string {
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`,
  );
  parts.push(`<rect width="${W}" height="${H}" fill="white"/>`);
  parts.push(`<text x="${M.left}" y="24" font-size="15" font-weight="bold">${esc(title)}</text>`);
  for (let i = 0; i <= 10; i++) {
    const r = i / 10;
    const p = P_MIN + (i / 10) * (1 - P_MIN);
    parts.push(`<line x1="${x(r)}" y1="${M.top}" x2="${x(r)}" y2="${M.top + PH}" stroke="#eee"/>`);
    parts.push(`<line x1="${M.left}" y1="${y(p)}" x2="${M.left + PW}" y2="${y(p)}" stroke="#eee"/>`);
    parts.push(`<text x="${x(r)}" y="${M.top + PH + 16}" text-anchor="middle">${r.toFixed(1)}</text>`);
    parts.push(`<text x="${M.left - 6}" y="${y(p) + 4}" text-anchor="end">${p.toFixed(2)}</text>`);
  }
  parts.push(`<rect x="${M.left}" y="${M.top}" width="${PW}" height="${PH}" fill="none" stroke="#333"/>`);
  parts.push(`<text x="${M.left + PW / 2}" y="${H - 12}" text-anchor="middle">recall</text>`);
  parts.push(`<text x="16" y="${M.top + PH / 2}" text-anchor="middle" transform="rotate(-90 16 ${M.top + PH / 2})">precision</text>`);
  curves.forEach((c, i) => {
    // Step-wise from (0, first precision), as average precision integrates it.
    const pts = [`${x(0)},${y(c.points[0]?.precision ?? 1)}`];
    for (const p of c.points) pts.push(`${x(p.recall)},${y(p.precision)}`);
    parts.push(`<polyline fill="none" stroke="${c.colour}" stroke-width="${i === 0 ? 2.5 : 1.2}" points="${pts.join(' ')}"/>`);
    const ly = M.top + 14 + i * 16;
    parts.push(
      `<line x1="${M.left + PW + 12}" y1="${ly - 4}" x2="${M.left + PW + 32}" y2="${ly - 4}" stroke="${c.colour}" stroke-width="2"/>`,
    );
    parts.push(`<text x="${M.left + PW + 36}" y="${ly}">${esc(c.name)}</text>`);
  });
  for (const m of markers) {
    parts.push(`<circle cx="${x(m.recall)}" cy="${y(m.precision)}" r="5" fill="none" stroke="black" stroke-width="1.5"/>`);
    parts.push(`<text x="${x(m.recall) - 8}" y="${y(m.precision) + 18}" text-anchor="end">${esc(m.label)}</text>`);
  }
  parts.push('</svg>');
  return parts.join('\n') + '\n';
}
