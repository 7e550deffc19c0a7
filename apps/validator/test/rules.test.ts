/** One describe per rule: each rule finds what it should, where it is, and stays quiet on good data. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileChecks, MAX_RECORD_BYTES } from '@encrochat-ledger/core';
import { describe, expect, it } from 'vitest';
import { fileRules } from '../src/rules/index.js';
import { base, claim, run, source } from './helpers.js';

const clean = () => run({ 'sources/good.json': source('good', [claim('good', 'uk-arrests')]) });

it('a clean dataset has no findings', () => {
  expect(clean().report.findings).toEqual([]);
});

it('every check of the data reader (@encrochat-ledger/core) is a file rule, in the same order, so the build refuses what the validator does', () => {
  expect(fileRules.map((r) => r.check)).toEqual(fileChecks);
});

describe('FILE001 empty file', () => {
  it('flags an empty file', () =>
    expect(run({ 'places/empty.json': '' }).codes).toEqual(['FILE001']));
  it('flags white space only', () =>
    expect(run({ 'places/blank.json': '  \n\n' }).codes).toEqual(['FILE001']));
});

describe('FILE002 byte order mark', () => {
  it('flags a BOM at 1:1', () => {
    const { report } = run({
      'places/bom.json': `\ufeff${JSON.stringify({ id: 'bom', name: 'B', kind: 'other' })}`,
    });
    expect(report.findings.map((f) => [f.code, f.line, f.column])).toEqual([['FILE002', 1, 1]]);
  });
});

describe('FILE003 invalid UTF-8', () => {
  it('flags Latin-1 bytes with their line', () => {
    const { report } = run({
      'places/latin.json': Buffer.from(
        '{\n "id": "latin",\n "name": "Caf\xe9",\n "kind": "city"\n}\n',
        'latin1',
      ),
    });
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]).toMatchObject({ code: 'FILE003', line: 3, column: 14 });
    expect(report.findings[0]!.message).toContain('byte 31');
  });
});

describe('FILE004 file size', () => {
  it('flags a record file over the limit', () => {
    const big = {
      ...(base['places/world.json'] as object),
      id: 'big',
      note: 'x'.repeat(MAX_RECORD_BYTES),
    };
    expect(run({ 'places/big.json': big }).codes).toContain('FILE004');
  });
  it('accepts a file just under it', () => {
    expect(
      run({ 'places/ok.json': { id: 'ok', name: 'OK', kind: 'other', note: 'x'.repeat(3000) } })
        .codes,
    ).toEqual([]);
  });
});

describe('FILE005 unknown collection', () => {
  it('flags a file outside the collection folders', () =>
    expect(run({ 'misc/thing.json': { id: 'thing' } }).codes).toEqual(['FILE005']));
});

describe('JSON001 syntax', () => {
  it('gives the line and column of a missing comma', () => {
    const { report } = run({
      'places/bad.json': '{\n  "id": "bad",\n  "name": "Bad"\n  "kind": "other"\n}\n',
    });
    expect(report.findings).toMatchObject([{ code: 'JSON001', line: 4, column: 3 }]);
  });
  it('flags a trailing comma and a truncated file', () => {
    expect(run({ 'places/a.json': '{"id": "a", "name": "A", "kind": "other",}' }).codes).toEqual([
      'JSON001',
    ]);
    expect(run({ 'places/b.json': '{"id": "b", "name": "B", "kind": "oth' }).codes).toEqual([
      'JSON001',
    ]);
  });
});

describe('JSON002 duplicate keys', () => {
  it('flags the second occurrence with both positions', () => {
    const { report } = run({
      'places/dup.json':
        '{\n  "id": "dup",\n  "name": "One",\n  "name": "Two",\n  "kind": "other"\n}\n',
    });
    expect(report.findings).toMatchObject([
      { code: 'JSON002', pointer: '/name', line: 4, column: 3 },
    ]);
    expect(report.findings[0]!.message).toContain('first at line 3');
  });
  it('flags duplicates in a nested claim', () => {
    const text = JSON.stringify(source('nested', [claim('nested', 'a')]), null, 2).replace(
      '"metric": "arrests",',
      '"metric": "arrests",\n      "metric": "arrests",',
    );
    expect(run({ 'sources/nested.json': text }).report.findings).toMatchObject([
      { code: 'JSON002', pointer: '/claims/0/metric' },
    ]);
  });
  it('is not fooled by colons and quotes inside strings', () => {
    expect(
      run({ 'places/colon.json': { id: 'colon', name: 'A: "quoted" \\ name: x', kind: 'other' } })
        .codes,
    ).toEqual([]);
  });
});

describe('SCHEMA001 JSON Schema', () => {
  it('reports one clear message per location, with its line', () => {
    const { report } = run({ 'places/kind.json': { id: 'kind', name: 'K', kind: 'planet' } });
    expect(report.findings).toMatchObject([{ code: 'SCHEMA001', pointer: '/kind', line: 4 }]);
    expect(report.findings[0]!.message).toMatch(/^must be one of "world"/);
  });
  it('collapses the qualifier conditionals into one message', () => {
    const { report } = run({
      'sources/s.json': source('s', [
        claim('s', 'a', { qualifier: 'unspecified', quote: 'Several dozen guns.' }),
      ]),
    });
    expect(report.findings.filter((f) => f.code === 'SCHEMA001')).toHaveLength(1);
    expect(report.findings[0]!.message).toContain('qualifier');
  });
  it('explains a null-or-URL field in one message', () => {
    const { report } = run({ 'sources/u.json': source('u', [], { url: 'ftp://x' }) });
    expect(report.findings).toMatchObject([
      { code: 'SCHEMA001', pointer: '/url', message: 'must match ^https?://' },
    ]);
  });
  it('flags an array instead of a record', () =>
    expect(run({ 'places/arr.json': [] }).codes).toEqual(['SCHEMA001']));
});

describe('ID001 id matches file name', () => {
  it('flags a mismatch', () =>
    expect(
      run({ 'places/a.json': { id: 'b', name: 'B', kind: 'other' } }).report.findings,
    ).toMatchObject([{ code: 'ID001', pointer: '/id' }]));
});

describe('ID002 unique ids', () => {
  it('flags an alias that clashes with an id, on the alias', () => {
    expect(
      run({ 'places/x.json': { id: 'x', name: 'X', kind: 'other', aliases: ['world'] } }).report
        .findings,
    ).toMatchObject([{ code: 'ID002', pointer: '/aliases/0', file: 'data/places/x.json' }]);
  });
  it('flags a claim id used twice and a claim id without its source prefix', () => {
    const { report } = run({
      'sources/s.json': source('s', [
        claim('s', 'a'),
        claim('s', 'a', { value: 1, quote: '1 arrest' }),
        { ...claim('s', 'b'), id: 'other/b', value: 2, quote: '2 arrests' },
      ]),
    });
    expect(
      report.findings.filter((f) => f.code === 'ID002').map((f) => [f.code, f.pointer]),
    ).toEqual([
      ['ID002', '/claims/1/id'],
      ['ID002', '/claims/2/id'],
    ]);
  });
});

describe('REF001 references resolve', () => {
  it('flags unknown metric, place, network and organisation', () => {
    const c = claim('s', 'a', {
      metric: 'gold_bars',
      scope: { place: 'atlantis', networks: ['skynet'], organisations: ['nca', 'spectre'] },
    });
    const { report } = run({ 'sources/s.json': source('s', [c]) });
    expect(report.findings.filter((f) => f.code === 'REF001').map((f) => f.pointer)).toEqual([
      '/claims/0/metric',
      '/claims/0/scope/place',
      '/claims/0/scope/networks/0',
      '/claims/0/scope/organisations/1',
    ]);
  });
  it('resolves aliases', () => {
    expect(
      run({
        'places/uk.json': { id: 'uk', name: 'UK', kind: 'country', aliases: ['great-britain'] },
        'organisations/o.json': { id: 'o', name: 'O', kind: 'other', country: 'great-britain' },
      }).codes,
    ).toEqual([]);
  });
  it('checks event sources', () => {
    const event = {
      id: 'e',
      date: '2020-07-02',
      kind: 'announcement',
      title: 'T',
      sources: [{ source: 'nowhere' }],
    };
    expect(run({ 'events/e.json': event }).report.findings).toMatchObject([
      { code: 'REF001', pointer: '/sources/0/source' },
    ]);
  });
});

describe('UNIT001 unit and breakdown fit the metric', () => {
  it('flags a unit the metric does not allow', () =>
    expect(
      run({ 'sources/s.json': source('s', [claim('s', 'a', { unit: 'kg' })]) }).report.findings,
    ).toMatchObject([{ code: 'UNIT001', pointer: '/claims/0/unit' }]));
  it('flags a breakdown key the metric does not allow', () =>
    expect(
      run({ 'sources/s.json': source('s', [claim('s', 'a', { breakdown: { drug: 'cocaine' } })]) })
        .report.findings,
    ).toMatchObject([{ code: 'UNIT001', pointer: '/claims/0/breakdown/drug' }]));
});

describe('VAL001 bounds agree with the qualifier', () => {
  const range = (min: number, max: number) => {
    const c = claim('s', 'a', {
      qualifier: 'range',
      min,
      max,
      quote: `between ${min} and ${max} arrests`,
    });
    delete c.value;
    return c;
  };
  it('flags min > max', () =>
    expect(run({ 'sources/s.json': source('s', [range(100, 80)]) }).codes).toEqual(['VAL001']));
  it('flags min = max', () =>
    expect(run({ 'sources/s.json': source('s', [range(80, 80)]) }).codes).toEqual(['VAL001']));
  it('accepts a real range', () =>
    expect(run({ 'sources/s.json': source('s', [range(80, 100)]) }).codes).toEqual([]));
});

describe('DATE001 as_of not after publication', () => {
  it('flags a later as_of', () =>
    expect(
      run({
        'sources/s.json': source('s', [
          claim('s', 'a', {
            as_of: '2020-08',
            as_of_basis: 'stated',
            quote: 'In August police made 746 arrests.',
          }),
        ]),
      }).codes,
    ).toEqual(['DATE001']));
  it('accepts an as_of month that contains the publication day', () =>
    expect(
      run({
        'sources/s.json': source('s', [
          claim('s', 'a', {
            as_of: '2020-07',
            as_of_basis: 'stated',
            quote: 'In July police made 746 arrests.',
          }),
        ]),
      }).codes,
    ).toEqual([]));
});

describe('DATE002 no dates in the future', () => {
  it('flags a future publication and as_of', () => {
    const { codes } = run(
      {
        'sources/s.json': source('s', [claim('s', 'a', { as_of: '2027-01-01' })], {
          published: '2027-01-01',
        }),
      },
      { today: '2026-06-01' },
    );
    expect(codes).toEqual(['DATE002', 'DATE002']);
  });
});

describe('DATE003 dates in order', () => {
  it('flags an operation that ends before it starts', () =>
    expect(
      run({
        'operations/o.json': {
          id: 'o',
          name: 'O',
          networks: ['encrochat'],
          started: '2021',
          ended: '2020',
        },
      }).codes,
    ).toEqual(['DATE003']));
});

describe('DATE004 as_of_basis agrees with the dates', () => {
  it('flags "publication" for a source with no date', () =>
    expect(
      run({ 'sources/s.json': source('s', [claim('s', 'a')], { published: null }) }).codes,
    ).toEqual(['DATE004']));
  it('flags "publication" with another date', () =>
    expect(
      run({ 'sources/s.json': source('s', [claim('s', 'a', { as_of: '2020-06-01' })]) }).codes,
    ).toEqual(['DATE004']));
});

describe('QUOTE001 the number appears in the quote', () => {
  it('flags a value the quote does not state', () => {
    const { report } = run({ 'sources/s.json': source('s', [claim('s', 'a', { value: 747 })]) });
    expect(report.findings).toMatchObject([{ code: 'QUOTE001', pointer: '/claims/0/value' }]);
    expect(report.findings[0]!.message).toContain('reads as 746');
  });
  it('reads "two tonnes" as 2,000 kg', () =>
    expect(
      run({
        'sources/s.json': source('s', [
          claim('s', 'a', {
            metric: 'drugs_seized',
            unit: 'kg',
            value: 2000,
            qualifier: 'more_than',
            quote: 'More than two tonnes of drugs were seized.',
          }),
        ]),
      }).codes,
    ).toEqual([]));
  it('honours a reasoned exception, and flags it when it is no longer needed (EXC001)', () => {
    const exceptions = {
      QUOTE001: { 's/a': 'The quote gives the figure as a fraction the reader cannot parse.' },
    };
    expect(
      run({
        'sources/s.json': source('s', [claim('s', 'a', { value: 747 })]),
        'validator-exceptions.json': exceptions,
      }).codes,
    ).toEqual([]);
    const stale = run({
      'sources/s.json': source('s', [claim('s', 'a')]),
      'validator-exceptions.json': exceptions,
    });
    expect(stale.report.findings).toMatchObject([
      { code: 'EXC001', file: 'data/validator-exceptions.json' },
    ]);
  });
  it('flags a malformed exceptions file', () =>
    expect(run({ 'validator-exceptions.json': { QUOTE001: { 's/a': 'short' } } }).codes).toEqual([
      'EXC001',
    ]));
});

describe('ARCH001 and ARCH002 archived texts', () => {
  const archiveDir = path.join(import.meta.dirname, 'fixtures', 'archive');
  const text = fs.readFileSync(path.join(archiveDir, 'good.txt'));
  const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex') as string;
  const quote = 'The agency said 746 people were arrested and £54m in cash was seized by 2 July.';
  it('accepts verbatim quotes (curly quotes and white space normalised) and a matching hash', () => {
    const s = source(
      's',
      [claim('s', 'a', { quote: quote.replace('746 people', '746\n  people') })],
      { archive: { file: 'good.txt', text_sha256: sha(text) } },
    );
    expect(run({ 'sources/s.json': s }, { archiveDir }).codes).toEqual([]);
  });
  it('flags a wrong hash and a quote not in the text', () => {
    const s = source('s', [claim('s', 'a', { quote: 'Police made 746 arrests.' })], {
      archive: { file: 'good.txt', text_sha256: '0'.repeat(64) },
    });
    expect(run({ 'sources/s.json': s }, { archiveDir }).codes.sort()).toEqual([
      'ARCH001',
      'ARCH002',
    ]);
  });
  it('says when the archived text is missing (info)', () => {
    const s = source('s', [claim('s', 'a')], {
      archive: { file: 'missing.txt', text_sha256: '0'.repeat(64) },
    });
    expect(run({ 'sources/s.json': s }, { archiveDir }).report.findings).toMatchObject([
      { code: 'ARCH001', severity: 'info' },
    ]);
  });
});

describe('CONS001 convictions ≤ charges ≤ arrests (warning)', () => {
  it('warns when convictions exceed arrests in one source', () => {
    const s = source('s', [
      claim('s', 'a', { value: 54, quote: '54 arrests, 746 convictions' }),
      claim('s', 'c', { metric: 'convictions', quote: '54 arrests, 746 convictions' }),
    ]);
    expect(run({ 'sources/s.json': s }).report.findings).toMatchObject([
      { code: 'CONS001', severity: 'warning', pointer: '/claims/1/value' },
    ]);
  });
});

describe('CONS002 cumulative official series does not go down (warning)', () => {
  it('warns on a later, lower official figure, not on press figures', () => {
    const early = source('early', [claim('early', 'a')], { reliability: 'official' });
    const late = source(
      'late',
      [claim('late', 'a', { value: 700, quote: '700 arrests', as_of: '2020-08-01' })],
      { reliability: 'official', published: '2020-08-01' },
    );
    expect(
      run({ 'sources/early.json': early, 'sources/late.json': late }).report.findings,
    ).toMatchObject([{ code: 'CONS002', file: 'data/sources/late.json' }]);
    expect(
      run({ 'sources/early.json': early, 'sources/late.json': { ...late, reliability: 'press' } })
        .codes,
    ).toEqual([]);
  });
});

describe('CONS003 duplicate claims (warning)', () => {
  it('warns on the same figure twice in a source, not on two sources that agree', () => {
    expect(
      run({ 'sources/s.json': source('s', [claim('s', 'a'), claim('s', 'b')]) }).codes,
    ).toEqual(['CONS003']);
    expect(
      run({
        'sources/s.json': source('s', [claim('s', 'a')]),
        'sources/t.json': source('t', [claim('t', 'a', { quote: 'There were 746 arrests.' })]),
      }).codes,
    ).toEqual([]);
  });
});

describe('PERSON001 persons are officials in their role', () => {
  it('flags a role at a company, and a person no claim cites', () => {
    const { report } = run({
      'organisations/acme.json': { id: 'acme', name: 'Acme', kind: 'company' },
      'persons/p.json': {
        id: 'p',
        name: 'P',
        official_capacity: true,
        roles: [{ title: 'CEO', organisation: 'acme' }],
      },
    });
    expect(report.findings.map((f) => [f.code, f.severity, f.pointer])).toEqual([
      ['PERSON001', 'warning', '/id'],
      ['PERSON001', 'error', '/roles/0/organisation'],
    ]);
  });
});

describe('inputs', () => {
  it('validates a single file in context (references resolve) and reports only that file', () => {
    const { report } = run(
      {
        'sources/s.json': source('s', [claim('s', 'a')]),
        'places/bad.json': { id: 'wrong', name: 'B', kind: 'other' },
      },
      { only: ['data/sources/s.json'] },
    );
    expect(report.findings).toEqual([]);
    expect(report.files).toBe(1);
  });
  it('validates a built bundle, with pointers into it', () => {
    const bundle = {
      name: 'encrochat-ledger',
      version: '0.1.0',
      schema_version: '1.0',
      metrics: [base['metrics/arrests.json']],
      networks: [base['networks/encrochat.json']],
      places: [base['places/world.json'], base['places/united-kingdom.json']],
      organisations: [],
      operations: [],
      persons: [],
      events: [],
      sources: [source('s', [claim('s', 'a', { unit: 'kg' })])],
    };
    const { report } = run(
      { '../bundle/data.json': bundle },
      { only: ['bundle/data.json'], noBase: true },
    );
    expect(report.findings).toMatchObject([
      { code: 'UNIT001', file: 'bundle/data.json', pointer: '/sources/0/claims/0/unit' },
    ]);
    expect(report.findings[0]!.line).toBeGreaterThan(1);
  });
});

describe('CONS004 sources disagree (info)', () => {
  it('points out claims whose figures cannot all be true, on each claim, as info', () => {
    const a = source('a', [claim('a', 'x')]);
    const b = source('b', [
      claim('b', 'x', { value: 700, qualifier: 'nearly', quote: 'nearly 700 arrests' }),
    ]);
    const { report } = run({ 'sources/a.json': a, 'sources/b.json': b });
    expect(report.findings.map((f) => [f.code, f.severity, f.file])).toEqual([
      ['CONS004', 'info', 'data/sources/a.json'],
      ['CONS004', 'info', 'data/sources/b.json'],
    ]);
    expect(report.counts.error).toBe(0);
  });
  it('is quiet when the figures can all be true ("more than 740" and "746")', () => {
    const a = source('a', [claim('a', 'x')]);
    const b = source('b', [
      claim('b', 'x', { value: 740, qualifier: 'more_than', quote: 'more than 740 arrests' }),
    ]);
    expect(run({ 'sources/a.json': a, 'sources/b.json': b }).codes).toEqual([]);
  });
});
