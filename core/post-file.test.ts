import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPostFile, type FileRecord } from './post-file.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'tw-file-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

async function read(name: string, content: string | Buffer): Promise<FileRecord[]> {
  const file = path.join(dir, name);
  await writeFile(file, content);
  const out: FileRecord[] = [];
  for await (const r of readPostFile(file)) out.push(r);
  return out;
}

const post = (id: string) => JSON.stringify({ platform: 'x', platformPostId: id, url: `https://x.com/a/status/${id}`, text: `post ${id}` });

describe('readPostFile', () => {
  it('reads JSONL line by line, reporting bad lines by number and keeping the rest', async () => {
    const bad = Buffer.concat([Buffer.from('{"text": "caf'), Buffer.from([0xc3, 0x28]), Buffer.from('"}\n')]);
    const content = Buffer.concat([Buffer.from(`${post('1')}\n\n{"broken": \n`), bad, Buffer.from(`${post('2')}`)]);
    const recs = await read('a.jsonl', content);
    expect(recs.map((r) => r.line)).toEqual([1, 3, 4, 5]);
    expect(recs[1]).toMatchObject({ error: { record: 3, field: '(line)', message: expect.stringMatching(/not valid JSON/) } });
    expect(recs[2]).toMatchObject({ error: { record: 4, field: '(line)', message: 'is not valid UTF-8' } });
    expect(recs[3]).toMatchObject({ raw: { platformPostId: '2' } });
  });

  it('splits multi-byte characters across read chunks correctly', async () => {
    const text = 'قارب إلى بريطانيا '.repeat(8_000); // > one 64 KiB stream chunk
    const recs = await read('big.jsonl', `${JSON.stringify({ text })}\n${post('3')}\n`);
    expect(recs).toHaveLength(2);
    expect((recs[0] as { raw: { text: string } }).raw.text).toBe(text);
  });

  it('reads CSV with a header, reporting a broken row and a non-UTF-8 field while keeping the rest', async () => {
    const rows = Buffer.concat([
      Buffer.from('platform,platformPostId,url,text\n'),
      Buffer.from('x,1,https://x.com/a/status/1,"boat, to uk"\n'),
      Buffer.from('x,2,https://x.com/a/status/2\n'), // one cell short
      Buffer.from('x,3,https://x.com/a/status/3,caf'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('\nx,4,https://x.com/a/status/4,"multi\nline"\n'),
    ]);
    const recs = await read('a.csv', rows);
    const ok = recs.filter((r): r is { line: number; raw: Record<string, string> } => 'raw' in r);
    const errors = recs.filter((r) => 'error' in r);
    expect(ok.map((r) => r.raw.platformPostId)).toEqual(['1', '4']);
    expect(ok[0]!.raw.text).toBe('boat, to uk');
    expect(ok[1]!.raw.text).toBe('multi\nline');
    expect(errors).toEqual([
      { line: 3, error: { record: 3, field: '(row)', message: expect.stringMatching(/record/i) } },
      { line: 4, error: { record: 4, field: 'text', message: 'is not valid UTF-8' } },
    ]);
  });

  it('refuses a CSV whose header names unknown columns', async () => {
    await expect(read('b.csv', 'platform,id,url,body\nx,1,u,t\n')).rejects.toThrow(/unknown CSV column\(s\) id, body/);
  });

  it('refuses unknown file types', async () => {
    await expect(read('a.txt', 'hello')).rejects.toThrow(/unknown format/);
  });
});
