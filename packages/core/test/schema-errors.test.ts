/**
 * Schema errors of hostile records, described in a few lines and in linear time: 40,000 failing
 * claims, 100,000 unknown keys. Ajv reporting every error is quadratic on a source's claims (it
 * concatenates each claim's errors to all before), so a source's claims are checked one by one; the
 * descriptions are the same as Ajv's over the whole source, only capped.
 */
import { describe, expect, it } from 'vitest';
import { recordIssues, schemaIssues } from '../src/check-records.js';
import type { RecordEntry } from '../src/records.js';
import { recordSchemaErrors, type SchemaValidators } from '../src/schema-errors.js';
import {
  describeAjvErrors,
  MAX_MESSAGES_PER_POINTER,
  MAX_SCHEMA_POINTERS,
} from '../src/schema-messages.js';
import {
  createAjv,
  precompiledValidator,
  validatorFor,
  type ValidateFunction,
} from '../src/schemas.js';
import { pointerPositions } from '../src/pointer-positions.js';
import { locate } from '../src/json-locate.js';
import { firstProblemLine } from '../src/problem.js';

const ajv = createAjv();

/** The validators, counting how often the one reporting every error runs on a claim. */
function counting(): SchemaValidators & { fullClaims: number } {
  const counter = {
    fullClaims: 0,
    full(file: string): ValidateFunction {
      const validate = validatorFor(ajv, file);
      if (file !== 'claim.schema.json') return validate;
      const counted = ((data: unknown) => {
        counter.fullClaims++;
        return validate(data);
      }) as ValidateFunction;
      Object.defineProperty(counted, 'errors', { get: () => validate.errors });
      return counted;
    },
    quick: precompiledValidator,
  };
  return counter;
}

const claim = (slug: string, extra: Record<string, unknown> = {}) => ({
  id: `s/${slug}`,
  metric: 'arrests',
  value: 746,
  unit: 'count',
  qualifier: 'exact',
  scope: { place: 'united-kingdom' },
  as_of: '2020-07-02',
  as_of_basis: 'publication',
  quote: 'Police made 746 arrests.',
  ...extra,
});
const source = (claims: unknown[], extra: Record<string, unknown> = {}) => ({
  id: 's',
  kind: 'news-article',
  title: 'A title',
  publisher: 'A paper',
  published: '2020-07-02',
  url: null,
  language: 'en',
  reliability: 'press',
  claims,
  ...extra,
});

/** What Ajv over the whole source says, described. */
const whole = (record: unknown) => {
  const validate = validatorFor(ajv, 'source.schema.json');
  return validate(record) ? [] : describeAjvErrors(validate.errors ?? []);
};

describe('recordSchemaErrors', () => {
  it('says what Ajv over the whole source says, for sources with a few failing claims', () => {
    const cases = [
      source([claim('a', { value: -1 }), claim('b'), claim('c', { as_of: '12020-01-01' })]),
      source([claim('a', { qualifier: 'range' })], { kind: 'leaflet', url: 'ftp://x' }),
      source([claim('a', { unit: 'GBP', extra: 1 }), 0, 'x', null], { title: 7 }),
      source([claim('a')], { publisher: undefined, claims: 'none' }),
      source([]),
    ];
    for (const record of cases)
      expect(recordSchemaErrors('sources', 'source.schema.json', record, counting())).toEqual(
        whole(record),
      );
  });

  it('describes a source whose claims are 40,000 zeros in a capped list, running the full validator on 20 claims', () => {
    const validators = counting();
    const described = recordSchemaErrors(
      'sources',
      'source.schema.json',
      source(new Array(40_000).fill(0)),
      validators,
    );
    expect(validators.fullClaims).toBe(MAX_SCHEMA_POINTERS);
    expect(described).toHaveLength(MAX_SCHEMA_POINTERS + 1);
    expect(described[0]).toEqual({ pointer: '/claims/0', message: 'must be object' });
    expect(described.at(-1)).toEqual({
      pointer: '',
      message: `and ${40_000 - MAX_SCHEMA_POINTERS} more claims do not match the schema (the first ${MAX_SCHEMA_POINTERS} places are listed)`,
    });
  });
});

describe('describeAjvErrors', () => {
  it('keeps 10 messages of a place with 100,000 unknown properties, and counts the rest', () => {
    const place: Record<string, unknown> = { id: 'p', name: 'P', kind: 'world' };
    for (let k = 0; k < 100_000; k++) place[`x${k}`] = 0;
    const validate = validatorFor(ajv, 'place.schema.json');
    expect(validate(place)).toBe(false);
    const [only, ...rest] = describeAjvErrors(validate.errors ?? []);
    expect(rest).toEqual([]);
    expect(only!.pointer).toBe('');
    const messages = only!.message.split('; ');
    expect(messages).toHaveLength(MAX_MESSAGES_PER_POINTER + 1);
    expect(messages[0]).toBe('unknown property "x0"');
    expect(messages.at(-1)).toBe(`and ${100_000 - MAX_MESSAGES_PER_POINTER} more`);
  });

  it('says "must be object" of a claim that is a number, not what its qualifier allows', () => {
    const validate = validatorFor(ajv, 'claim.schema.json');
    expect(validate(0)).toBe(false);
    expect(describeAjvErrors(validate.errors ?? [])).toEqual([
      { pointer: '', message: 'must be object' },
    ]);
  });
});

describe('schemaIssues and recordIssues', () => {
  const entry = (record: Record<string, unknown>): RecordEntry => ({
    file: {
      abs: '/x.json',
      display: 'x.json',
      collection: 'sources',
      bytes: Buffer.alloc(0),
      reported: true,
    },
    collection: 'sources',
    base: '',
    record,
  });

  it('pass valid records, and give each failing record its capped description', () => {
    const valid = entry(source([claim('a')]));
    const zeros = entry(source(new Array(1000).fill(0)));
    expect(schemaIssues([valid])).toEqual([]);
    const issues = schemaIssues([valid, zeros]);
    expect(issues).toHaveLength(MAX_SCHEMA_POINTERS + 1);
    expect(issues.every((i) => i.entry === zeros)).toBe(true);
    expect(issues[0]!.hint).toContain('schemas/1.0/source.schema.json');
  });

  it('add the supersession cycles', () => {
    const withdrawn = { date: '2021-01-01', reason: 'Corrected.' };
    const cyclic = entry(
      source([
        claim('a', { withdrawn, superseded_by: 's/b' }),
        claim('b', { withdrawn, superseded_by: 's/a' }),
      ]),
    );
    expect(schemaIssues([cyclic])).toEqual([]);
    expect(recordIssues([cyclic]).map((i) => i.pointer)).toEqual([
      '/claims/0/superseded_by',
      '/claims/1/superseded_by',
    ]);
  });
});

describe('pointerPositions', () => {
  it('finds thousands of members of one object, as the full reader does', () => {
    const record: Record<string, number> = {};
    for (let k = 0; k < 5000; k++) record[`k~/${k}`] = k;
    const text = JSON.stringify(record, null, 1);
    const pointers = Object.keys(record)
      .reverse()
      .map((k) => `/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`);
    const found = pointerPositions(text, [...pointers, '/missing', '/k~0~17/deeper']);
    const { positions } = locate(text);
    for (const p of pointers) expect(found.get(p)).toEqual(positions.get(p));
    expect(found.get('/missing')).toEqual(positions.get(''));
    expect(found.get('/k~0~17/deeper')).toEqual(positions.get('/k~0~17'));
  });
});

describe('firstProblemLine', () => {
  const problem = { file: 'data/x.json', line: 3, column: 5, message: 'bad', hint: 'fix it' };
  it('gives the first problem, its place and hint, and counts the others', () => {
    expect(firstProblemLine([{ ...problem, pointer: '/a' }])).toBe(
      'data/x.json:3:5 at /a: bad; hint: fix it',
    );
    expect(firstProblemLine([{ ...problem, pointer: '' }, problem, problem] as never)).toBe(
      'data/x.json:3:5: bad (and 2 more problems); hint: fix it',
    );
  });
});
