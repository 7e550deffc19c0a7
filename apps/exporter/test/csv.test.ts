/** CSV: RFC 4180 quoting, round trips through csv-parse, --excel-safe. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dataset } from '@encrochat-ledger/dataset';
import { csvField, excelSafe, formatCell, writeCsv } from '../src/csv.js';
import type { Column, Row, Table } from '../src/tables.js';
import { readCsv, readParquetHyparquet, runCli, tempDir, typedCsvValue } from './helpers.js';

const tmp = tempDir('csv');
afterAll(() => tmp.remove());

const text: Column = { name: 'text', type: 'string', description: '' };

describe('csvField', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['line\nbreak', '"line\nbreak"'],
    ['carriage\rreturn', '"carriage\rreturn"'],
    ["l'appareil — ünïcödé ✓", "l'appareil — ünïcödé ✓"],
    [' spaces kept ', ' spaces kept '],
  ])('%j → %j', (input, expected) => expect(csvField(input)).toBe(expected));
});

describe('formatCell', () => {
  it('writes null as an empty field and an empty string as ""', () => {
    expect(formatCell(null, text, { excelSafe: false })).toBe('');
    expect(formatCell('', text, { excelSafe: false })).toBe('""');
  });
  it('writes numbers, booleans, dates and lists', () => {
    expect(formatCell(54_000_000, { ...text, type: 'number' }, { excelSafe: false })).toBe(
      '54000000',
    );
    expect(formatCell(0.1, { ...text, type: 'number' }, { excelSafe: false })).toBe('0.1');
    expect(formatCell(-0, { ...text, type: 'number' }, { excelSafe: false })).toBe('0');
    expect(formatCell(true, { ...text, type: 'boolean' }, { excelSafe: false })).toBe('true');
    expect(formatCell('2020-07-02', { ...text, type: 'date' }, { excelSafe: false })).toBe(
      '2020-07-02',
    );
    expect(formatCell(['nca', 'met'], { ...text, type: 'list' }, { excelSafe: false })).toBe(
      'nca;met',
    );
  });
  it('refuses a list item holding the delimiter', () => {
    expect(() => formatCell(['a;b'], { ...text, type: 'list' }, { excelSafe: false })).toThrow(
      /contains the list delimiter/,
    );
  });
});

describe('excelSafe', () => {
  it.each(['=1+1', '+44 20', '-5 kg', '@SUM(A1)', '\tTAB', '\rCR', '=HYPERLINK("http://x","y")'])(
    'prefixes %j with a quote',
    (v) => {
      expect(excelSafe(v)).toBe(`'${v}`);
    },
  );
  it.each(['746 arrests', "'quoted", 'a=b', ' =not a formula'])('leaves %j alone', (v) =>
    expect(excelSafe(v)).toBe(v),
  );
  it('applies to text and lists only, never to numbers', () => {
    expect(formatCell(-5, { ...text, type: 'number' }, { excelSafe: true })).toBe('-5');
    expect(formatCell(['=x'], { ...text, type: 'list' }, { excelSafe: true })).toBe("'=x");
    expect(formatCell('=1,2', text, { excelSafe: true })).toBe(`"'=1,2"`);
  });
});

describe('writeCsv', () => {
  const nasty = [
    'plain',
    'comma, inside',
    'quote " inside',
    '""',
    'multi\r\nline\nvalue',
    'trailing space ',
    'ünïcödé — “typographic” ‘quotes’ 😀',
    '=formula',
    '',
  ];
  const table: Table = {
    name: 'nasty',
    title: 'Nasty',
    description: 'Values that need quoting.',
    columns: [
      { name: 'id', type: 'integer', description: '', required: true },
      { name: 'text', type: 'string', description: '' },
      { name: 'ids', type: 'list', description: '' },
      { name: 'n', type: 'number', description: '' },
      { name: 'flag', type: 'boolean', description: '' },
    ],
    primaryKey: ['id'],
    foreignKeys: [],
    rows: function* (): Iterable<Row> {
      for (const [i, value] of nasty.entries())
        yield {
          id: i,
          text: value,
          ids: i % 2 ? ['a', 'b-c'] : null,
          n: i % 3 ? i / 7 : null,
          flag: i % 2 === 0,
        };
      yield { id: nasty.length, text: null, ids: null, n: 1e21, flag: null };
    },
  };

  it('round-trips every value through csv-parse (empty string vs null aside, which Table Schema treats alike)', async () => {
    const file = path.join(tmp.dir, 'nasty.csv');
    expect(await writeCsv(file, table, { excelSafe: false })).toBe(nasty.length + 1);
    const { header, records } = readCsv(file);
    expect(header).toEqual(['id', 'text', 'ids', 'n', 'flag']);
    const parsed = records.map((r) =>
      Object.fromEntries(table.columns.map((c, i) => [c.name, typedCsvValue(r[i]!, c)])),
    );
    const expected = [...table.rows()].map((r) => ({ ...r, text: r.text === '' ? null : r.text }));
    expect(parsed).toEqual(expected);
    expect(fs.readFileSync(file, 'utf8')).toContain('\r\n1,"comma, inside",a;b-c,');
  });

  it('with excel-safe, escapes only the formula cell', async () => {
    const file = path.join(tmp.dir, 'nasty-safe.csv');
    await writeCsv(file, table, { excelSafe: true });
    const plain = readCsv(path.join(tmp.dir, 'nasty.csv')).records;
    const safe = readCsv(file).records;
    const changed = safe.flatMap((r, i) =>
      r.map((v, j) => (v !== plain[i]![j] ? [v, plain[i]![j]] : null)).filter(Boolean),
    );
    expect(changed).toEqual([["'=formula", '=formula']]);
  });
});

describe('--excel-safe end to end', () => {
  it('escapes formula-like text in the CSV files only; Parquet keeps the data as it is', async () => {
    const input = path.join(tmp.dir, 'formula-bundle.json');
    const bundle = structuredClone(dataset);
    const source = bundle.sources.find((s) => s.claims.length > 0)!;
    source.title = '=HYPERLINK("http://example.org","click")';
    fs.writeFileSync(input, JSON.stringify(bundle));
    const out = path.join(tmp.dir, 'safe');
    const result = runCli(['--out', out, '--dataset', input, '--excel-safe']);
    expect(result.status, result.stderr).toBe(0);
    const claims = readCsv(path.join(out, 'claims.csv'));
    const col = claims.header.indexOf('source_title');
    const titles = new Set(
      claims.records
        .filter((r) => r[claims.header.indexOf('source_id')] === source.id)
        .map((r) => r[col]),
    );
    expect([...titles]).toEqual([`'${source.title}`]);
    const { rows } = await readParquetHyparquet(path.join(out, 'claims.parquet'));
    expect(
      new Set(rows.filter((r) => r.source_id === source.id).map((r) => r.source_title)),
    ).toEqual(new Set([source.title]));
    const descriptor = JSON.parse(fs.readFileSync(path.join(out, 'datapackage.json'), 'utf8')) as {
      'encrochat:export': { excel_safe: boolean };
    };
    expect(descriptor['encrochat:export'].excel_safe).toBe(true);
  });
});
