/**
 * --dataset refuses what every tool refuses (bundle-checks.ts): a bundle is refused exactly when
 * @encrochat-ledger/core's reader and checks, which the validator and the dataset build use, find a
 * problem in it, with their first problem, located as the validator locates it. The bundles are the
 * data folders of the hostile corpus put together byte for byte (each defect as its file has it),
 * with `sources` last as the dataset build writes it and first (the head then read after it), and a
 * few defects only a bundle can have: a key twice at its top level, a NUL in a top-level key, a
 * defect in a field after the sources. The real CLI, as a process; nothing is written when it refuses.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  collectionNames,
  firstProblemLine,
  readData,
  recordIssues,
  type Problem,
} from '@encrochat-ledger/core';
import {
  claim,
  hostileCases,
  jsonText,
  source,
  SOURCE_ID,
  validFiles,
  vocabulary,
} from '@encrochat-ledger/hostile';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from './helpers.js';

const tmp = tempDir('bundle-checks');
afterAll(() => tmp.remove());

/** A record's text: its file's bytes as they are. */
type RecordText = Buffer;
type Field = [name: string, value: Buffer];

/** The records of a data folder by collection, each its file's bytes; null when the folder holds anything but record files. */
function recordTexts(data: string): Map<string, RecordText[]> | null {
  const byCollection = new Map<string, RecordText[]>(collectionNames.map((c) => [c, []]));
  for (const entry of fs.readdirSync(data, { withFileTypes: true })) {
    if (!entry.isDirectory() || !byCollection.has(entry.name)) return null;
    const folder = path.join(data, entry.name);
    for (const file of fs
      .readdirSync(folder, { withFileTypes: true })
      .sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (!file.isFile() || !file.name.endsWith('.json')) return null;
      const bytes = fs.readFileSync(path.join(folder, file.name));
      if (!bytes.toString('latin1').trim()) return null;
      byCollection.get(entry.name)!.push(bytes);
    }
  }
  return byCollection;
}

const text = (value: unknown) => Buffer.from(JSON.stringify(value));
const list = (items: Buffer[]) =>
  Buffer.concat([
    Buffer.from('['),
    ...items.flatMap((b, i) => (i ? [Buffer.from(','), b] : [b])),
    Buffer.from(']'),
  ]);

/**
 * A bundle of `records`: `sources` last, as the dataset build writes it, or first (the head then
 * comes after it); `after` fields follow.
 */
function bundleText(
  records: Map<string, RecordText[]>,
  sources: 'last' | 'first',
  after: Field[] = [],
): Buffer {
  const head: Field[] = [
    ['name', text('encrochat-ledger')],
    ['version', text('0.0.0-bundle')],
    ['schema_version', text('1.0')],
    ...collectionNames.filter((c) => c !== 'sources').map((c): Field => [c, list(records.get(c)!)]),
  ];
  const streamed: Field = ['sources', list(records.get('sources')!)];
  const fields = [...(sources === 'last' ? [...head, streamed] : [streamed, ...head]), ...after];
  return Buffer.concat([
    Buffer.from('{\n'),
    ...fields.flatMap(([name, value], i) => [
      Buffer.from(`${i ? ',\n' : ''}${JSON.stringify(name)}: `),
      value,
    ]),
    Buffer.from('\n}\n'),
  ]);
}

/** What core's reader and checks find in `file`, as --data and the dataset build read data. */
function coreProblems(file: string): Problem[] {
  const reading = readData([file]);
  return reading.problems.length ? reading.problems : reading.locate(recordIssues(reading.records));
}

let written = 0;
/** Exports the bundle `bytes` with --dataset: refused exactly when core finds a problem, with its first one. */
function expectVerdictOfCore(bytes: Buffer): Problem[] {
  const dir = path.join(tmp.dir, String(++written));
  fs.mkdirSync(dir);
  const file = path.join(dir, 'data.json');
  fs.writeFileSync(file, bytes);
  const problems = coreProblems(file);
  const result = runCli(['--dataset', file, '--out', path.join(dir, 'out'), '--format', 'csv']);
  if (problems.length) {
    expect(result.stderr).toBe(
      `encrochat-ledger-export: --dataset ${file} cannot be exported: ${firstProblemLine(problems)}; encrochat-ledger-validate lists every problem\n`,
    );
    expect(result.status).toBe(2);
    expect(fs.readdirSync(dir)).toEqual(['data.json']);
  } else {
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  }
  return problems;
}

/** The valid data folder's records, with `files` (path → record or text) replacing or adding some. */
function records(files: Record<string, unknown> = {}): Map<string, RecordText[]> {
  const all: Record<string, unknown> = { ...validFiles(), ...files };
  const byCollection = new Map<string, RecordText[]>(collectionNames.map((c) => [c, []]));
  for (const [file, content] of Object.entries(all).sort(([a], [b]) => (a < b ? -1 : 1)))
    byCollection
      .get(file.split('/')[0]!)!
      .push(
        Buffer.isBuffer(content)
          ? content
          : Buffer.from(typeof content === 'string' ? content : jsonText(content)),
      );
  return byCollection;
}

describe('--dataset refuses what core refuses, where the validator says', () => {
  // The corpus's data folders of record files that are JSON (bytes aside) and hold a record.
  const folderCases = hostileCases.flatMap((kase) => {
    const dir = path.join(tmp.dir, `case-${kase.name}`);
    fs.mkdirSync(dir);
    const input = kase.make(dir);
    const texts = 'data' in input && fs.existsSync(input.data) ? recordTexts(input.data) : null;
    if (!texts) return [];
    const all = [...texts.values()].flat();
    return all.length && all.every(isJson) ? [[kase.name, texts, kase.expect] as const] : [];
  });

  it('covers the corpus cases whose data folders make a bundle', () => {
    expect(folderCases.map(([name]) => name)).toEqual(
      expect.arrayContaining([
        'valid-minimal',
        'nul-in-text',
        'lone-surrogate',
        'duplicate-key',
        'invalid-utf8',
        'five-digit-year',
        'circular-superseded-by',
        'claims-of-zeros',
      ]),
    );
  });

  it.each(folderCases)('%s, as a bundle: the verdict of the corpus', (_name, texts, verdict) => {
    for (const sources of ['last', 'first'] as const) {
      const problems = expectVerdictOfCore(bundleText(texts, sources));
      expect(problems.length ? 'refuse' : 'accept').toBe(verdict);
    }
  });

  it('after the sources: a key of the head again, a NUL in a key, a NUL in a value', () => {
    for (const after of [
      ['version', text('0.0.1')],
      ['x\u0000', text(1)],
      ['note', text('a\u0000b')],
    ] as Field[])
      expect(expectVerdictOfCore(bundleText(records(), 'last', [after]))).not.toEqual([]);
  });

  it('a defect in the head: bytes that are not UTF-8 in a place, an unknown field', () => {
    const place = Buffer.from(
      jsonText(vocabulary['places/world.json']).replace('"World"', '"W\u00e0rld"'),
      'latin1',
    );
    expect(
      expectVerdictOfCore(bundleText(records({ 'places/world.json': place }), 'last')),
    ).not.toEqual([]);
    const unknown = { ...vocabulary['places/world.json'], colour: 'blue' };
    expect(
      expectVerdictOfCore(bundleText(records({ 'places/world.json': unknown }), 'first')),
    ).not.toEqual([]);
  });

  it('accepts what core accepts: escapes of colons, quotes and characters, a pair of surrogates, a replacement that ends at a current claim', () => {
    const tricky = jsonText(
      source(SOURCE_ID, [
        claim(SOURCE_ID, 'uk-arrests', { note: 'a: b "c" \u00e9 \ud83d\ude00 \\u0000 \ufffd' }),
        claim(SOURCE_ID, 'uk-arrests-first', {
          withdrawn: { date: '2021-01-01', reason: 'Corrected.' },
          superseded_by: `${SOURCE_ID}/uk-arrests`,
        }),
      ]),
    ).replace('"a: b', '"a\\u003a b');
    expect(
      expectVerdictOfCore(bundleText(records({ [`sources/${SOURCE_ID}.json`]: tricky }), 'last')),
    ).toEqual([]);
  });
});

function isJson(bytes: Buffer): boolean {
  try {
    JSON.parse(bytes.toString('latin1'));
    return true;
  } catch {
    return false;
  }
}
