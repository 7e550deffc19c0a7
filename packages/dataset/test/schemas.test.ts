import fs from 'node:fs';
import path from 'node:path';
import { createAjv, readSchemas, SCHEMA_BASE, validatorFor } from '@encrochat-ledger/core';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';

const schemas = readSchemas();

describe('published JSON Schemas', () => {
  it('are all there, with immutable versioned $ids', () => {
    expect(schemas.map((s) => s.file)).toEqual([
      'bundle.schema.json',
      'claim.schema.json',
      'defs.schema.json',
      'event.schema.json',
      'metric.schema.json',
      'network.schema.json',
      'operation.schema.json',
      'organisation.schema.json',
      'person.schema.json',
      'place.schema.json',
      'source.schema.json',
    ]);
    for (const { file, schema } of schemas) expect(schema.$id).toBe(`${SCHEMA_BASE}${file}`);
  });

  it.each(schemas.map((s) => [s.file, s.schema] as const))(
    '%s is valid against the 2020-12 meta-schema',
    (_file, schema) => {
      const meta = new Ajv2020({ strict: false, validateFormats: false });
      const valid = meta.validateSchema(schema);
      expect(meta.errors ?? []).toEqual([]);
      expect(valid).toBe(true);
    },
  );

  it('documents every property with a description (for contributor docs)', () => {
    const missing: string[] = [];
    const visit = (node: unknown, at: string) => {
      if (!node || typeof node !== 'object') return;
      const props = (node as { properties?: Record<string, Record<string, unknown>> }).properties;
      for (const [name, prop] of Object.entries(props ?? {})) {
        if (name === '$schema') continue;
        if (!prop.description && !prop.$ref) missing.push(`${at}/properties/${name}`);
      }
      for (const [key, value] of Object.entries(node))
        if (typeof value === 'object' && key !== 'if') visit(value, `${at}/${key}`);
    };
    for (const { file, schema } of schemas) visit(schema, file);
    expect(missing).toEqual([]);
  });

  const ajv = createAjv();
  const withExamples = schemas.filter((s) => Array.isArray(s.schema.examples));
  it.each(withExamples.map((s) => [s.file, s.schema.examples as unknown[]] as const))(
    '%s: its examples validate',
    (file, examples) => {
      const validate = validatorFor(ajv, file);
      expect(examples.length).toBeGreaterThan(0);
      for (const example of examples) {
        validate(example);
        expect(validate.errors ?? []).toEqual([]);
      }
    },
  );

  it('every record kind has examples', () => {
    expect(withExamples.map((s) => s.file).sort()).toEqual(
      schemas
        .map((s) => s.file)
        .filter((f) => !['bundle.schema.json', 'defs.schema.json'].includes(f)),
    );
  });
});

interface InvalidFixture {
  description: string;
  schema: string;
  /** The JSON Pointer and keyword of the error the record must fail with. */
  expect: { instancePath: string; keyword: string };
  record: unknown;
}

const fixtureDir = path.join(import.meta.dirname, 'fixtures', 'invalid');
const fixtures = fs
  .readdirSync(fixtureDir)
  .sort()
  .map(
    (f) =>
      [f, JSON.parse(fs.readFileSync(path.join(fixtureDir, f), 'utf8')) as InvalidFixture] as const,
  );

describe('invalid fixtures', () => {
  const ajv = createAjv();
  it('exist', () => expect(fixtures.length).toBeGreaterThanOrEqual(15));
  it.each(fixtures)('%s fails for the intended reason', (_file, fixture) => {
    const validate = validatorFor(ajv, fixture.schema);
    expect(validate(fixture.record)).toBe(false);
    const errors = (validate.errors ?? []).map((e) => ({
      instancePath: e.instancePath,
      keyword: e.keyword,
    }));
    expect(errors).toContainEqual(fixture.expect);
  });
});
