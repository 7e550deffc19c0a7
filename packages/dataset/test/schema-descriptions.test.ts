/**
 * The claims table describes the columns that hold a field of a record in the words of that
 * field's JSON Schema: through src/generated/schema-descriptions.ts, which must be what the schemas
 * say today (no drift), and into the published claims-table.schema.json.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fieldDescription, readSchemas } from '@encrochat-ledger/core';
import { describe, expect, it } from 'vitest';
import { descriptionsFile, generateDescriptions } from '../build/generate-descriptions.js';
import { distDir } from '../build/paths.js';
import { claimsTableFields } from '../src/claims-table.js';

const described = (name: string) => claimsTableFields.find((f) => f.name === name)!.description;
type Node = {
  description?: string;
  properties?: Record<string, Node>;
  $defs?: Record<string, Node>;
};
const schema = (file: string) => readSchemas().find((s) => s.file === file)!.schema as Node;

it('keeps the committed generated descriptions in step with the schemas', () => {
  expect(fs.readFileSync(descriptionsFile, 'utf8')).toBe(generateDescriptions());
  expect(fs.readFileSync(descriptionsFile, 'utf8')).toMatch(
    /^\/\* eslint-disable \*\/\n\/\*\*\n \* GENERATED FILE — DO NOT EDIT\./,
  );
});

describe('a claims-table column that holds a field of a record says what its schema says', () => {
  it.each([
    ['quote', 'claim', 'quote'],
    ['claim_id', 'claim', 'id'],
    ['as_of_basis', 'claim', 'as_of_basis'],
    ['place', 'claim', 'scope.place'],
    ['networks', 'claim', 'scope.networks'],
    ['qualifier', 'claim', 'qualifier'],
    ['unit', 'claim', 'unit'],
    ['note', 'claim', 'note'],
    ['source_title', 'source', 'title'],
    ['source_reliability', 'source', 'reliability'],
    ['source_language', 'source', 'language'],
    ['metric_label', 'metric', 'label'],
    ['place_name', 'place', 'name'],
  ] as const)('%s: %s.%s', (column, kind, field) => {
    expect(described(column)).toBe(fieldDescription(kind, field));
  });

  it('read from the schema files themselves', () => {
    const claim = schema('claim.schema.json').properties!;
    expect(described('quote')).toBe(claim.quote!.description);
    expect(described('place')).toBe(claim.scope!.properties!.place!.description);
    expect(described('qualifier')).toBe(schema('defs.schema.json').$defs!.qualifier!.description);
    expect(described('source_url')).toBe(schema('source.schema.json').properties!.url!.description);
  });

  it('and so does the published Table Schema (dist/claims-table.schema.json, built by turbo)', () => {
    const published = JSON.parse(
      fs.readFileSync(path.join(distDir, 'claims-table.schema.json'), 'utf8'),
    ) as { fields: { name: string; description: string }[] };
    for (const field of claimsTableFields)
      expect(published.fields.find((f) => f.name === field.name)?.description, field.name).toBe(
        field.description,
      );
    expect(published.fields.find((f) => f.name === 'quote')?.description).toBe(
      fieldDescription('claim', 'quote'),
    );
  });
});
