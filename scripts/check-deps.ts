/**
 * The dependency check of `npm run lint`: dependency-cruiser's rules (.dependency-cruiser.cjs), then cycles between
 * top-level folders, printed with the imports that make them. Exits non-zero on any finding.
 *
 *   npx tsx scripts/check-deps.ts            # rules + folder cycles
 *   npx tsx scripts/check-deps.ts --graph    # also print the folder graph (who imports whom, with counts)
 */
import { cruise, format, type ICruiseResult } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

/** A sibling test imports what it needs to set up its case and is imported by nothing, so it adds no folder cycle. */
const TEST_FILE = /\.test\.tsx?$/;

export interface FolderEdge {
  from: string;
  to: string;
  /** "importer → imported" module pairs behind the edge. */
  imports: string[];
}

const topFolder = (path: string): string | undefined => (path.includes('/') ? path.slice(0, path.indexOf('/')) : undefined);

/** Edges between top-level folders of this repository, from local imports of non-test modules. */
export function folderEdges(result: ICruiseResult): FolderEdge[] {
  const edges = new Map<string, FolderEdge>();
  for (const mod of result.modules) {
    const from = topFolder(mod.source);
    if (!from || from === 'node_modules' || TEST_FILE.test(mod.source)) continue;
    for (const dep of mod.dependencies) {
      const to = topFolder(dep.resolved);
      if (!to || to === from || to === 'node_modules' || dep.coreModule || dep.couldNotResolve) continue;
      const key = `${from}\0${to}`;
      const edge = edges.get(key) ?? { from, to, imports: [] };
      edge.imports.push(`${mod.source} → ${dep.resolved}${dep.dependencyTypes.includes('type-only') ? ' (type-only)' : ''}`);
      edges.set(key, edge);
    }
  }
  return [...edges.values()].sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
}

/** Strongly connected components with more than one folder (Tarjan): each is a set of folders that import each other. */
export function folderCycles(edges: FolderEdge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const e of edges) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) components.push(component.sort());
    }
  };
  for (const v of [...new Set(edges.flatMap((e) => [e.from, e.to]))].sort()) if (!index.has(v)) visit(v);
  return components;
}

/** For each edge inside a component, the shortest way back: the distinct elementary cycles a reader has to break. */
export function shortestCycles(edges: FolderEdge[], component: string[]): string[][] {
  const inside = edges.filter((e) => component.includes(e.from) && component.includes(e.to));
  const pathBack = (start: string, goal: string): string[] | undefined => {
    const prev = new Map<string, string>([[start, start]]);
    const queue = [start];
    for (let v = queue.shift(); v !== undefined; v = queue.shift()) {
      if (v === goal) break;
      for (const e of inside.filter((e) => e.from === v && !prev.has(e.to))) {
        prev.set(e.to, v);
        queue.push(e.to);
      }
    }
    if (!prev.has(goal)) return undefined;
    const path = [goal];
    while (path[0] !== start) path.unshift(prev.get(path[0]!)!);
    return path;
  };
  const seen = new Set<string>();
  const cycles: string[][] = [];
  for (const e of inside) {
    const back = pathBack(e.to, e.from);
    if (!back) continue;
    const cycle = [e.from, ...back.slice(0, -1)];
    const first = cycle.indexOf([...cycle].sort()[0]!);
    const canonical = [...cycle.slice(first), ...cycle.slice(0, first)];
    if (seen.has(canonical.join(' '))) continue;
    seen.add(canonical.join(' '));
    cycles.push(canonical);
  }
  return cycles.sort((a, b) => a.length - b.length || a.join().localeCompare(b.join()));
}

const SHOWN_IMPORTS = 6;

function printCycles(edges: FolderEdge[], components: string[][]): void {
  for (const component of components) {
    console.log(`\n  error folder-cycle: ${component.join(', ')} import each other:`);
    const onCycle = new Set<string>();
    for (const cycle of shortestCycles(edges, component)) {
      console.log(`    ${[...cycle, cycle[0]].join(' → ')}`);
      cycle.forEach((from, i) => onCycle.add(`${from}\0${cycle[(i + 1) % cycle.length]}`));
    }
    // The thinner side of a cycle is usually the import that points the wrong way, so it comes first.
    const shown = edges.filter((e) => onCycle.has(`${e.from}\0${e.to}`)).sort((a, b) => a.imports.length - b.imports.length);
    for (const e of shown) {
      console.log(`    ${e.from} → ${e.to} (${e.imports.length}):`);
      for (const line of e.imports.slice(0, SHOWN_IMPORTS)) console.log(`      ${line}`);
      if (e.imports.length > SHOWN_IMPORTS) console.log(`      … and ${e.imports.length - SHOWN_IMPORTS} more`);
    }
  }
}

async function main(): Promise<number> {
  const options = await extractDepcruiseOptions('./.dependency-cruiser.cjs');
  const tsConfig = extractTSConfig('./tsconfig.json');
  const { output } = await cruise(['.'], options, {}, { tsConfig });
  if (typeof output === 'string') throw new Error('dependency-cruiser returned text where a result was expected');

  const rules = await format(output, { outputType: 'err' });
  process.stdout.write(String(rules.output));

  const edges = folderEdges(output);
  if (process.argv.includes('--graph')) {
    console.log('\nFolder graph (non-test modules):');
    for (const e of edges) console.log(`  ${e.from} → ${e.to} (${e.imports.length})`);
  }
  const cycles = folderCycles(edges);
  printCycles(edges, cycles);
  console.log(cycles.length ? `\nx ${cycles.length} folder cycle(s).` : '✔ no cycles between top-level folders.');
  return rules.exitCode > 0 || cycles.length > 0 ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = await main();
