/**
 * Column descriptions come from one place: a column that holds a field of the records says what
 * that field's JSON Schema says (read here from the schema files themselves), in the tables and in
 * the datapackage.json of a real export; the derived tables' columns shared with the dataset
 * package's tables say what those say.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSchemasDir } from '@encrochat-ledger/core';
import { claimsTableFields, latestTableFields } from '@encrochat-ledger/dataset';
import { packagedDataset } from '../src/dataset-source.js';
import { buildTables, type Table } from '../src/tables.js';
import { runCli, tempDir } from './helpers.js';

type Node = {
  description?: string;
  $ref?: string;
  properties?: Record<string, Node>;
  items?: Node;
};
const schema = (kind: string): Node =>
  JSON.parse(fs.readFileSync(path.join(defaultSchemasDir(), `${kind}.schema.json`), 'utf8'));
const defs = (schema('defs') as { $defs?: Record<string, Node> }).$defs!;

const tables = new Map(
  buildTables(packagedDataset(), {}).tables.map((t): [string, Table] => [t.name, t]),
);
const descriptionOf = (table: string, column: string) => {
  const found = tables.get(table)?.columns.find((c) => c.name === column);
  if (!found) throw new Error(`no column ${table}.${column}`);
  return found.description;
};

/** Each collection table and the kind of record of its rows. */
const recordTables = {
  sources: 'source',
  metrics: 'metric',
  places: 'place',
  organisations: 'organisation',
  operations: 'operation',
  networks: 'network',
  persons: 'person',
  events: 'event',
} as const;

/** Columns named like a described field that hold something else. */
const notTheField = new Set(['sources.claims']); // the number of claims, not the claims

describe('a column named after a field of its record', () => {
  it.each(Object.entries(recordTables))(
    '%s: says what the %s schema says of the field',
    (table, kind) => {
      const properties = schema(kind).properties!;
      const compared = tables
        .get(table)!
        .columns.filter(
          (c) => properties[c.name]?.description && !notTheField.has(`${table}.${c.name}`),
        );
      expect(compared.length).toBeGreaterThanOrEqual(2);
      for (const column of compared)
        expect(column.description, `${table}.${column.name}`).toBe(
          properties[column.name]!.description,
        );
    },
  );
});

describe('a column of a nested field, or of a field described by the definition it refers to', () => {
  const source = schema('source').properties!;
  const person = schema('person').properties!;
  const event = schema('event').properties!;
  it.each([
    ['sources', 'language', defs.language!.description],
    ['sources', 'note', defs.note!.description],
    ['sources', 'archive_file', source.archive!.properties!.file!.description],
    ['sources', 'archive_text_sha256', defs.sha256!.description],
    ['sources', 'copy_urls', source.copies!.description],
    ['sources', 'withdrawn_date', defs.withdrawn!.properties!.date!.description],
    ['places', 'ons', schema('place').properties!.codes!.properties!.ons!.description],
    ['person_roles', 'title', person.roles!.items!.properties!.title!.description],
    ['person_roles', 'as_of', person.roles!.items!.properties!.as_of!.description],
    ['events', 'court_citation', event.court_case!.properties!.citation!.description],
    ['event_sources', 'quote', event.sources!.items!.properties!.quote!.description],
  ])('%s.%s', (table, column, expected) => {
    expect(expected).toBeTruthy();
    expect(descriptionOf(table, column)).toBe(expected);
  });
});

it('series and conflicts describe their scope as the latest table does, and their figure as the claims table does', () => {
  const described = (fields: readonly { name: string; description: string }[], name: string) =>
    fields.find((f) => f.name === name)!.description;
  for (const table of ['series', 'conflicts']) {
    for (const column of ['metric', 'breakdown_key', 'unit', 'place', 'networks'])
      expect(descriptionOf(table, column), `${table}.${column}`).toBe(
        described(latestTableFields, column),
      );
    for (const column of ['value', 'min', 'max', 'qualifier', 'as_of', 'as_of_basis'])
      expect(descriptionOf(table, column), `${table}.${column}`).toBe(
        described(claimsTableFields, column),
      );
  }
});

describe('datapackage.json of a real export', () => {
  const tmp = tempDir('descriptions');
  const out = path.join(tmp.dir, 'export');
  let resources: { name: string; schema: { fields: { name: string; description: string }[] } }[];
  beforeAll(() => {
    const result = runCli(['--out', out, '--format', 'csv']);
    expect(result.status, result.stderr).toBe(0);
    resources = JSON.parse(fs.readFileSync(path.join(out, 'datapackage.json'), 'utf8')).resources;
  });
  afterAll(() => tmp.remove());

  it('gives the columns the words of the schemas', () => {
    const fields = resources.find((r) => r.name === 'sources-csv')!.schema.fields;
    const source = schema('source').properties!;
    expect(fields.find((f) => f.name === 'title')!.description).toBe(source.title!.description);
    expect(fields.find((f) => f.name === 'reliability')!.description).toBe(
      source.reliability!.description,
    );
    const events = resources.find((r) => r.name === 'events-csv')!.schema.fields;
    expect(events.find((f) => f.name === 'date')!.description).toBe(
      schema('event').properties!.date!.description,
    );
  });
});
