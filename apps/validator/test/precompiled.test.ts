/**
 * The precompiled schema validators of @encrochat-ledger/core (which tests them on the real data and
 * on mutated claims) give Ajv's verdicts on the broken fixtures too, so the schema rule's quick path
 * never lets a broken record through.
 */
import path from 'node:path';
import {
  collections,
  createAjv,
  precompiledValidator,
  readData,
  validatorFor,
} from '@encrochat-ledger/core';
import { expect, it } from 'vitest';
import { fixtures } from './helpers.js';

it('give the verdicts of Ajv compiled at run time on every broken fixture', () => {
  const ajv = createAjv(undefined, { allErrors: false });
  const schemaOf = new Map<string, string>(collections.map((c) => [c.name, c.schema]));
  const { records } = readData(['broken'], fixtures);
  let invalid = 0;
  for (const { file, collection, record } of records) {
    const expected = validatorFor(ajv, schemaOf.get(collection)!)(record);
    if (!expected) invalid++;
    expect(precompiledValidator(schemaOf.get(collection)!)(record), path.basename(file.abs)).toBe(
      expected,
    );
  }
  expect(records.length).toBeGreaterThanOrEqual(40);
  expect(invalid).toBeGreaterThan(0);
});
