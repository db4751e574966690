/**
 * axe-core in a Playwright page, with no network: the engine's source is read from
 * node_modules and evaluated in the page (page.evaluate is not subject to the page's
 * Content-Security-Policy, so the pages are checked under their real policy).
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

// Callbacks given to page.evaluate run in Chromium; the project compiles without the DOM library.
declare const window: any;
declare const document: any;

/** The impacts that fail a page: axe's `serious` and `critical`. */
export const FAILING_IMPACTS = ['serious', 'critical'] as const;

/**
 * A violation the project cannot fix from outside third-party markup: `rule` is ignored for
 * elements inside `within` (a CSS selector) only, and `reason` says why in one line.
 */
export interface AxeExclusion {
  rule: string;
  within: string;
  reason: string;
}

export interface AxeFinding {
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

let source: Promise<string> | undefined;
const axeSource = () => (source ??= readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));

interface AxeNode {
  target: unknown[];
  html: string;
  any: { message: string }[];
}

/** `AXE_DETAIL=1` adds each element's HTML and axe's explanation (colours and ratio for contrast) to the report. */
const DETAIL = Boolean(process.env.AXE_DETAIL);

/**
 * Runs axe (WCAG 2.0–2.2 A/AA and best practices) over the page as it stands, or only the part
 * `within` selects, and returns the violations of serious or critical impact, less the nodes an
 * exclusion covers.
 */
export async function seriousViolations(page: Page, exclusions: readonly AxeExclusion[] = [], within?: string): Promise<AxeFinding[]> {
  if (!(await page.evaluate(() => Boolean(window.axe)))) await page.evaluate(await axeSource());
  return page.evaluate(
    async ({ impacts, exclusions, detail, within }) => {
      const result = await window.axe.run(within ? { include: [within] } : document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
        resultTypes: ['violations'],
      });
      const excluded = (rule: string, target: unknown[]) => {
        // Targets inside shadow roots or frames are arrays; none of our pages has them, so they are never excluded.
        const el = typeof target[0] === 'string' && target.length === 1 ? document.querySelector(target[0]) : null;
        return exclusions.some((x) => x.rule === rule && el && el.closest(x.within));
      };
      const describe = (n: AxeNode) => n.target.join(' >> ') + (detail ? ` ${n.html} ${n.any[0]?.message ?? ''}` : '');
      const found: AxeFinding[] = [];
      for (const v of result.violations as { id: string; impact: string; help: string; nodes: AxeNode[] }[]) {
        if (!impacts.includes(v.impact)) continue;
        const nodes = v.nodes.filter((n) => !excluded(v.id, n.target));
        if (nodes.length) found.push({ rule: v.id, impact: v.impact, help: v.help, targets: nodes.map(describe) });
      }
      return found;
    },
    {
      impacts: [...FAILING_IMPACTS] as string[],
      exclusions: exclusions.map(({ rule, within }) => ({ rule, within })),
      detail: DETAIL,
      within,
    },
  );
}

/** One line per violation: rule id, impact, what it means and the selectors of the elements at fault. */
export function describeFindings(findings: readonly AxeFinding[]): string[] {
  const shown = DETAIL ? Infinity : 8;
  return findings.map((f) => {
    const more = f.targets.length > shown ? ` (+${f.targets.length - shown} more)` : '';
    return `${f.rule} (${f.impact}): ${f.help} — ${f.targets.slice(0, shown).join(' | ')}${more}`;
  });
}
