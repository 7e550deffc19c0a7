/**
 * Fuzzing: valid records and their bytes are broken in every way we can think of — wrong types,
 * missing fields, unknown and prototype keys, huge numbers, deep nesting, invalid UTF-8, BOMs,
 * truncation. Every case must end in findings with a location (and so exit 1): never a crash, a stack
 * trace or a hang. 10,000 cases run in memory through the engine, and a sample through the CLI.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { DataFile, Inputs, JsonRecord } from '@encrochat-ledger/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tempDir } from '@encrochat-ledger/test-support';
import { validateInputs } from '../src/validate.js';
import { base, claim, source } from './helpers.js';

const good = source('fuzzed', [
  claim('fuzzed', 'uk-arrests'),
  claim('fuzzed', 'uk-cash', {
    metric: 'drugs_seized',
    unit: 'kg',
    value: 2000,
    qualifier: 'more_than',
    quote: 'More than two tonnes of drugs.',
  }),
]);
const goodText = `${JSON.stringify(good, null, 2)}\n`;

function file(rel: string, bytes: Buffer, reported: boolean): DataFile {
  const folder = path.basename(path.dirname(rel));
  return {
    abs: path.join('/fuzz/data', rel),
    display: `data/${rel}`,
    collection: folder as DataFile['collection'],
    bytes,
    reported,
  };
}
const context = Object.entries(base).map(([rel, rec]) =>
  file(rel, Buffer.from(JSON.stringify(rec)), false),
);
const inputs = (bytes: Buffer): Inputs => ({
  files: [...context, file('sources/fuzzed.json', bytes, true)],
  roots: [],
});

const check = (bytes: Buffer) => {
  const report = validateInputs(inputs(bytes), {
    cwd: '/fuzz',
    archiveDir: null,
    today: '2026-01-01',
  });
  expect(report.counts.error).toBeGreaterThan(0);
  for (const f of report.findings) {
    expect(f.file).toBe('data/sources/fuzzed.json');
    expect(f.line).toBeGreaterThanOrEqual(1);
    expect(f.column).toBeGreaterThanOrEqual(1);
    expect(f.code).toMatch(/^[A-Z]+\d{3}$/);
    expect(f.message.length).toBeGreaterThan(5);
    expect(f.hint.length).toBeGreaterThan(5);
  }
};

it('the unfuzzed record is clean (so every finding below comes from the mutation)', () => {
  const report = validateInputs(inputs(Buffer.from(goodText)), {
    cwd: '/fuzz',
    archiveDir: null,
    today: '2026-01-01',
  });
  expect(report.findings).toEqual([]);
});

/** Paths to every value in the record. */
function paths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  const out = [at];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...at, i])));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...at, k]));
  return out;
}
const allPaths = paths(good).filter((p) => p.length > 0);
const typeOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
const get = (root: unknown, p: (string | number)[]) =>
  p.reduce<JsonRecord | undefined>((v, k) => v?.[k], root as JsonRecord);

function setAt(root: unknown, p: (string | number)[], value: unknown) {
  const copy = structuredClone(root);
  const parent = get(copy, p.slice(0, -1));
  parent![p[p.length - 1]!] = value;
  return copy;
}

const deep = (depth: number, leaf: unknown) => {
  let v: unknown = leaf;
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { x: v };
  return v;
};

const weirdValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(
    1e300,
    -1,
    Number.MAX_SAFE_INTEGER * 4,
    0.1,
    '',
    'x'.repeat(5000),
    '\u0000',
    '<script>',
    null,
    true,
    [],
    {},
  ),
  fc.integer({ min: 50, max: 3000 }).map((d) => deep(d, 1)),
);

describe('10,000 fuzzed records', () => {
  it('record mutations: wrong types, removed fields, unknown and prototype keys, deep nesting', () => {
    const mutation = fc.oneof(
      // A value replaced by one of another type (or out of range).
      // (null is a valid value of the nullable fields publisher, published and url.)
      fc
        .tuple(fc.constantFrom(...allPaths), weirdValue)
        .filter(
          ([p, v]) =>
            (typeOf(v) !== typeOf(get(good, p)) || typeof v === 'number') &&
            !(
              v === null &&
              p.length === 1 &&
              ['publisher', 'published', 'url'].includes(String(p[0]))
            ),
        )
        .map(([p, v]) => JSON.stringify(setAt(good, p, v))),
      // Numbers too large for a double, written as text (JSON.stringify would turn Infinity into null).
      fc
        .constantFrom('1e400', '-1e400', '123456789012345678901234567890', '1e16')
        .map((n) => JSON.stringify(good).replace('"value":746', `"value":${n}`)),
      // A required field removed.
      fc
        .constantFrom(
          'id',
          'kind',
          'title',
          'publisher',
          'published',
          'url',
          'language',
          'reliability',
          'claims',
        )
        .map((k) => {
          const c = structuredClone(good) as JsonRecord;
          delete c[k];
          return JSON.stringify(c);
        }),
      fc
        .constantFrom('id', 'metric', 'unit', 'qualifier', 'scope', 'as_of', 'as_of_basis', 'quote')
        .map((k) => {
          const c = structuredClone(good) as JsonRecord;
          delete c.claims[0][k];
          return JSON.stringify(c);
        }),
      // An unknown key, including prototype names, at the top or in a claim.
      fc
        .tuple(
          fc.oneof(
            fc.constantFrom('__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString'),
            fc.string({ minLength: 1 }).filter((k) => !(k in good)),
          ),
          weirdValue,
          fc.boolean(),
        )
        .map(([k, v, inClaim]) => {
          const text = JSON.stringify(good);
          const member = `${JSON.stringify(k)}:${JSON.stringify(v)},`;
          return inClaim
            ? text.replace('"metric":', `${member}"metric":`)
            : `{${member}${text.slice(1)}`;
        }),
    );
    const original = JSON.stringify(good);
    fc.assert(
      fc.property(
        mutation.filter((text) => text !== original),
        (text) => check(Buffer.from(text)),
      ),
      { numRuns: 6000, seed: 20201 },
    );
  });

  it('byte mutations: truncation, invalid UTF-8, BOM, control characters', () => {
    const bytes = Buffer.from(goodText);
    const trimmed = goodText.trimEnd().length;
    const mutation = fc.oneof(
      fc.integer({ min: 0, max: trimmed - 1 }).map((n) => bytes.subarray(0, n)),
      fc
        .tuple(
          fc.integer({ min: 0, max: bytes.length }),
          fc.constantFrom(0xff, 0xfe, 0xc0, 0x80, 0xed, 0xf5),
        )
        .map(([at, b]) =>
          Buffer.concat([bytes.subarray(0, at), Buffer.from([b]), bytes.subarray(at)]),
        ),
      fc.constant(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes])),
      fc
        .tuple(fc.integer({ min: 1, max: trimmed - 2 }), fc.integer({ min: 0, max: 8 }))
        .map(([at, c]) =>
          Buffer.concat([
            bytes.subarray(0, at),
            Buffer.from([[0x00, 0x01, 0x08, 0x0b, 0x1f, 0x7b, 0x5b, 0x22, 0x2c][c]!]),
            bytes.subarray(at),
          ]),
        )
        .filter((b) => {
          try {
            JSON.parse(b.toString('utf8'));
            return false;
          } catch {
            return true;
          }
        }),
      fc
        .integer({ min: 1000, max: 20000 })
        .map((d) => Buffer.from('['.repeat(d) + ']'.repeat(d - 1))),
    );
    fc.assert(
      fc.property(mutation, (b) => check(b)),
      { numRuns: 4000, seed: 20202 },
    );
  });
});

describe('through the CLI', () => {
  // Each distinct sample runs once (the generator draws 30 from four kinds of bad bytes). The spawn's
  // timeout only guards against a hang on a busy machine; it measures nothing.
  it('fuzzed files: exit 1, findings printed, no stack trace', { timeout: 1_200_000 }, () => {
    const root = tempDir('fuzz-cli');
    fs.mkdirSync(path.join(root, 'data', 'sources'), { recursive: true });
    for (const [rel, rec] of Object.entries(base)) {
      fs.mkdirSync(path.join(root, 'data', path.dirname(rel)), { recursive: true });
      fs.writeFileSync(path.join(root, 'data', rel), JSON.stringify(rec));
    }
    const samples = fc.sample(
      fc.oneof(
        fc.constant(Buffer.from(goodText).subarray(0, 100)),
        fc.constant(Buffer.from('{"id": "fuzzed", "__proto__": {"x": 1}}')),
        fc.constant(Buffer.from('\u00ff')),
        fc.constant(Buffer.from('['.repeat(50000))),
      ),
      { numRuns: 30, seed: 7 },
    );
    const distinct = [...new Map(samples.map((b) => [b.toString('hex'), b])).values()];
    const cli = path.join(import.meta.dirname, '..', 'dist', 'cli.js');
    expect(distinct.length).toBeGreaterThan(1);
    distinct.forEach((bytes, i) => {
      fs.writeFileSync(path.join(root, 'data', 'sources', 'fuzzed.json'), bytes);
      const r = spawnSync(process.execPath, [cli, '--format', 'json'], {
        cwd: root,
        encoding: 'utf8',
        timeout: 300_000,
      });
      expect(r.status, `sample ${i}`).toBe(1);
      expect(r.stderr).toBe('');
      expect(r.stdout).not.toMatch(/\n\s+at .+:\d+:\d+/);
      expect(JSON.parse(r.stdout).findings.length).toBeGreaterThan(0);
    });
  });
});
