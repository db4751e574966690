import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  CONFIG_GROUPS,
  CONFIG_TABLE_FILE,
  configVariables,
  ENV_EXAMPLE_FILE,
  firstDifference,
  renderConfigTable,
  renderEnvExample,
  spliceConfigTable,
} from './config-docs.ts';
import { loadConfig } from './config.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Fails naming the file and its first line that differs from what `npm run docs:config` would write. */
async function expectUpToDate(file: string, render: (committed: string) => string) {
  const committed = await readFile(path.join(root, file), 'utf8');
  const diff = firstDifference(committed, render(committed));
  if (diff) {
    expect.fail(
      `${file} is out of date with core/config.ts (run \`npm run docs:config\`): line ${diff.line} is\n` +
        `  ${diff.committed}\nbut should be\n  ${diff.expected}`,
    );
  }
}

describe('configuration documentation', () => {
  it('has a description and a group for every variable of the schema', () => {
    const variables = configVariables();
    expect(variables.length).toBeGreaterThan(50);
    for (const v of variables) expect(v.description.length, v.name).toBeGreaterThan(10);
    expect(CONFIG_GROUPS.flatMap((g) => g.variables).sort()).toEqual(variables.map((v) => v.name).sort());
  });

  it(`keeps ${CONFIG_TABLE_FILE}'s table in step with the schema`, async () => {
    await expectUpToDate(CONFIG_TABLE_FILE, (committed) => spliceConfigTable(committed, renderConfigTable()));
  });

  it(`keeps ${ENV_EXAMPLE_FILE} in step with the schema`, async () => {
    await expectUpToDate(ENV_EXAMPLE_FILE, () => renderEnvExample());
  });

  it('shows defaults that loadConfig accepts', () => {
    const env = Object.fromEntries(configVariables().flatMap((v) => (v.defaultValue ? [[v.name, v.defaultValue]] : [])));
    // Every default spelled out gives the config of an empty environment (REDIS_URL then counts as given).
    expect({ ...loadConfig(env), redisUrlExplicit: false }).toEqual(loadConfig({}));
  });

  it('names the first differing line', () => {
    expect(firstDifference('a\nb\nc', 'a\nB\nc')).toEqual({ line: 2, committed: 'b', expected: 'B' });
    expect(firstDifference('a\n', 'a\nb')).toEqual({ line: 2, committed: '', expected: 'b' });
    expect(firstDifference('same', 'same')).toBeUndefined();
  });
});
