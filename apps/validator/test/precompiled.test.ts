/** The precompiled schema validators: committed code equals a fresh generation, and verdicts equal Ajv's. */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generatedFile, generateValidators } from '../scripts/generate-validators.js';
import { collections } from '../src/collections.js';
import { createAjv, precompiledValidator, validatorFor } from '../src/schemas.js';
import { fixtures } from './helpers.js';

const repo = path.resolve(__dirname, '../../..');
const ajv = createAjv(undefined, { allErrors: false });

/** Every record file of a data folder with the schema of its collection. */
function recordsUnder(root: string): { file: string; schema: string; value: unknown }[] {
  const out: { file: string; schema: string; value: unknown }[] = [];
  for (const { name, schema } of collections) {
    const dir = path.join(root, name);
    if (!fs.existsSync(dir)) continue;
    for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      try {
        out.push({ file: `${name}/${f}`, schema, value: JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) });
      } catch {
        // Not JSON: the syntax rules' business.
      }
    }
  }
  return out;
}

describe('precompiled schema validators', () => {
  it('the committed src/generated/schema-validators.js is what the generator writes from schemas/ (run `npm run generate -w @encrochat-ledger/validator`)', () => {
    expect(fs.readFileSync(generatedFile, 'utf8')).toBe(generateValidators());
  });
  it('give the verdicts of Ajv compiled at run time on every real record and every broken fixture', () => {
    const records = [...recordsUnder(path.join(repo, 'data')), ...recordsUnder(path.join(fixtures, 'broken'))];
    let invalid = 0;
    for (const { file, schema, value } of records) {
      const expected = validatorFor(ajv, schema)(value);
      if (!expected) invalid++;
      expect(precompiledValidator(schema)(value), file).toBe(expected);
    }
    expect(records.length).toBeGreaterThan(350);
    expect(invalid).toBeGreaterThan(0);
  });
  it('give the verdicts of Ajv on 3,000 mutated claims', () => {
    const source = JSON.parse(fs.readFileSync(path.join(repo, 'data/sources', fs.readdirSync(path.join(repo, 'data/sources'))[0]!), 'utf8'));
    const keys = ['id', 'metric', 'value', 'min', 'max', 'unit', 'qualifier', 'scope', 'as_of', 'as_of_basis', 'quote', 'breakdown', 'note', 'extra'];
    let invalid = 0;
    const junk = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom('2022-08~', '2020-02-30', 'https://example.org/x', 'not a uri', '', 'x'.repeat(5000), '😀😀'));
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
