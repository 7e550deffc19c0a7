/** Argument parsing (zod): defaults, lists, errors; and the source kinds agree with the JSON Schema. */
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgs, SOURCE_KINDS } from '../src/args.js';
import { UsageError } from '../src/errors.js';

const options = (argv: string[]) => {
  const parsed = parseArgs(argv);
  if (parsed.help) throw new Error('help');
  return parsed.options;
};

describe('parseArgs', () => {
  it('defaults to CSV and Parquet, no filter, no excel-safe; --out is made absolute', () => {
    expect(options(['--out', 'exports'])).toEqual({
      out: path.resolve('exports'),
      formats: ['csv', 'parquet'],
      excelSafe: false,
      filters: {},
    });
  });

  it('accepts --flag value and --flag=value, comma lists and repeated flags, without duplicates, in a fixed order', () => {
    const o = options([
      '--out=x',
      '--format',
      'parquet,csv',
      '--metric',
      'arrests,charges',
      '--metric=arrests',
      '--source-kind',
      'report',
      '--source-kind',
      'news-article',
      '--excel-safe',
    ]);
    expect(o.formats).toEqual(['csv', 'parquet']);
    expect(o.filters.metrics).toEqual(['arrests', 'charges']);
    expect(o.filters.sourceKinds).toEqual(['news-article', 'report']);
    expect(o.excelSafe).toBe(true);
  });

  it('parses dates and the dataset path', () => {
    const o = options([
      '--out',
      'x',
      '--since',
      '2020-07-01',
      '--until',
      '2020-07-31',
      '--place',
      'united-kingdom',
      '--dataset',
      'data.json',
    ]);
    expect(o.filters).toEqual({
      since: '2020-07-01',
      until: '2020-07-31',
      places: ['united-kingdom'],
    });
    expect(o.dataset).toBe(path.resolve('data.json'));
  });

  it('returns help for --help and -h, before checking anything else', () => {
    expect(parseArgs(['--help'])).toEqual({ help: true });
    expect(parseArgs(['-h', '--format', 'xlsx'])).toEqual({ help: true });
  });

  it.each([
    [['--out', 'x', '--format', 'xlsx'], '--format: unknown format "xlsx"'],
    [['--out', 'x', '--format', 'CSV'], '--format: unknown format "CSV"'],
    [['--out', ''], '--out needs a folder name'],
    [['--out', 'x', '--since', '2020-7-1'], '--since must be a day as YYYY-MM-DD'],
    [['--out', 'x', '--source-kind', 'tweet'], '--source-kind: unknown kind "tweet"'],
    [['--out', 'x', '--metric', 'a,,b'], '--metric: empty value in the list'],
    [['--out', 'x', '--frobnicate'], 'unknown option --frobnicate'],
  ])('%j is a UsageError: %s', (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(UsageError);
    expect(() => parseArgs(argv)).toThrow(message);
  });
});

it('SOURCE_KINDS equals the kind enum of the published source.schema.json', () => {
  const require = createRequire(import.meta.url);
  const schema = require('@encrochat-ledger/dataset/schemas/1.0/source.schema.json') as {
    properties: { kind: { $ref?: string; enum?: string[] } };
    $defs?: Record<string, { enum?: string[] }>;
  };
  const kind = schema.properties.kind;
  const values = kind.enum ?? schema.$defs?.[kind.$ref?.split('/').pop() ?? '']?.enum;
  expect(values).toEqual([...SOURCE_KINDS]);
});
