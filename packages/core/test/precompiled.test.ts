/** The precompiled schema validators: committed code equals a fresh generation, and verdicts equal Ajv's. */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generatedFile, generateValidators } from '../scripts/generate-validators.js';
import { collections } from '../src/collections.js';
import { readData } from '../src/read-data.js';
import { createAjv, precompiledValidator, validatorFor } from '../src/schemas.js';

const repo = path.resolve(import.meta.dirname, '../../..');
const ajv = createAjv(undefined, { allErrors: false });
const schemaOf = new Map<string, string>(collections.map((c) => [c.name, c.schema]));

describe('precompiled schema validators', () => {
  it('the committed src/generated/schema-validators.js is what the generator writes from schemas/ (run `npm run generate -w @encrochat-ledger/core`)', () => {
    expect(fs.readFileSync(generatedFile, 'utf8')).toBe(generateValidators());
  });

  it('give the verdicts of Ajv compiled at run time on every real record', () => {
    const { records } = readData(['data'], repo);
    for (const { file, collection, record } of records)
      expect(precompiledValidator(schemaOf.get(collection)!)(record), file.display).toBe(
        validatorFor(ajv, schemaOf.get(collection)!)(record),
      );
    expect(records.length).toBeGreaterThan(350);
  });

  it('give the verdicts of Ajv on 3,000 mutated claims', () => {
    const { records } = readData(['data/sources'], repo);
    const source = records.find((r) => r.collection === 'sources')!.record;
    const keys = [
      'id',
      'metric',
      'value',
      'min',
      'max',
      'unit',
      'qualifier',
      'scope',
      'as_of',
      'as_of_basis',
      'quote',
      'breakdown',
      'note',
      'extra',
    ];
    let invalid = 0;
    const junk = fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.constantFrom(
        '2022-08~',
        '2020-02-30',
        'https://example.org/x',
        'not a uri',
        '',
        'x'.repeat(5000),
        '😀😀',
      ),
    );
    fc.assert(
      fc.property(fc.constantFrom(...keys), junk, fc.boolean(), (key, value, remove) => {
        const claim = structuredClone(source.claims[0]);
        if (remove) delete claim[key];
        else claim[key] = value;
        const record = { ...source, claims: [claim] };
        const expected = validatorFor(ajv, 'source.schema.json')(record);
        if (!expected) invalid++;
        expect(precompiledValidator('source.schema.json')(record)).toBe(expected);
      }),
      { numRuns: 3000, seed: 17 },
    );
    expect(invalid).toBeGreaterThan(1000);
  });
});
