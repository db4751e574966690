import { describe, expect, it } from 'vitest';
import { folderCycles, folderEdges, shortestCycles, type FolderEdge } from './check-deps.ts';
import type { ICruiseResult } from 'dependency-cruiser';

const edge = (from: string, to: string): FolderEdge => ({ from, to, imports: [`${from}/a.ts → ${to}/b.ts`] });

describe('folder cycles', () => {
  it('finds no cycle in a layered graph', () => {
    expect(folderCycles([edge('cli', 'api'), edge('api', 'review'), edge('review', 'core'), edge('cli', 'core')])).toEqual([]);
  });

  it('groups folders that import each other, and lists each shortest cycle once', () => {
    const edges = [edge('core', 'workers'), edge('workers', 'core'), edge('api', 'core'), edge('core', 'api'), edge('cli', 'api')];
    const cycles = folderCycles(edges);
    expect(cycles).toEqual([['api', 'core', 'workers']]);
    expect(shortestCycles(edges, cycles[0]!)).toEqual([
      ['api', 'core'],
      ['core', 'workers'],
    ]);
  });

  it('sees a three-folder cycle with no mutual pair', () => {
    const edges = [edge('a', 'b'), edge('b', 'c'), edge('c', 'a')];
    expect(folderCycles(edges)).toEqual([['a', 'b', 'c']]);
    expect(shortestCycles(edges, ['a', 'b', 'c'])).toEqual([['a', 'b', 'c']]);
  });
});

describe('folder edges', () => {
  it('counts imports between top-level folders, leaving out tests, packages, built-ins and same-folder imports', () => {
    const dep = (resolved: string, extra: object = {}) => ({
      resolved,
      dependencyTypes: ['local'],
      coreModule: false,
      couldNotResolve: false,
      ...extra,
    });
    const result = {
      modules: [
        {
          source: 'review/decisions.ts',
          dependencies: [dep('networks/lock.ts'), dep('review/errors.ts'), dep('node_modules/zod/index.js')],
        },
        {
          source: 'networks/read.ts',
          dependencies: [dep('review/cursor.ts', { dependencyTypes: ['local', 'type-only'] }), dep('fs', { coreModule: true })],
        },
        { source: 'core/csv.test.ts', dependencies: [dep('referrals/notice.ts')] },
      ],
    } as unknown as ICruiseResult;
    expect(folderEdges(result)).toEqual([
      { from: 'networks', to: 'review', imports: ['networks/read.ts → review/cursor.ts (type-only)'] },
      { from: 'review', to: 'networks', imports: ['review/decisions.ts → networks/lock.ts'] },
    ]);
  });
});
