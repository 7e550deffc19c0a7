/**
 * Why a record fails the schema of its collection, in words (describeAjvErrors), in time linear in
 * the record's size. Ajv reporting every error joins the errors of each `$ref` it follows into one
 * array with `concat`, which copies the array each time: a source whose `claims` were 40,000 zeros
 * (80 kB) took minutes, as each item's errors copied all those before. The source schema says
 * nothing about its claims but "an array of claim.schema.json", so a source is checked without its
 * claims, and its claims one by one against the claim schema: the first-error validator tells which
 * claims fail, and only the first few are described in full; the rest are counted.
 */
import type { CollectionName } from './collections.js';
import type { JsonRecord } from './records.js';
import { describeAjvErrors, MAX_SCHEMA_POINTERS, type ErrorObject } from './schema-messages.js';
import type { QuickValidator, ValidateFunction } from './schemas.js';

export interface SchemaValidators {
  /** The validator reporting every error, of a schema file (compiled when first asked for). */
  full(file: string): ValidateFunction;
  /** The validator stopping at the first error (precompiled). */
  quick(file: string): QuickValidator;
}

const CLAIM_SCHEMA = 'claim.schema.json';

/** Ajv's errors of `value`, their pointers under `prefix`. */
function errorsOf(validate: ValidateFunction, value: unknown, prefix: string): ErrorObject[] {
  if (validate(value)) return [];
  const errors = validate.errors ?? [];
  return prefix
    ? errors.map((e) => ({ ...e, instancePath: `${prefix}${e.instancePath}` }))
    : errors;
}

/**
 * What is wrong with `record` against `schemaFile` (the schema of `collection`): one message per
 * place (pointer relative to the record), at most MAX_SCHEMA_POINTERS places and a count of the
 * rest. Empty when the record is valid.
 */
export function recordSchemaErrors(
  collection: CollectionName,
  schemaFile: string,
  record: JsonRecord,
  validators: SchemaValidators,
): { pointer: string; message: string }[] {
  const claims: unknown = record.claims;
  if (collection !== 'sources' || !Array.isArray(claims))
    return describeAjvErrors(errorsOf(validators.full(schemaFile), record, ''));
  const errors = errorsOf(validators.full(schemaFile), { ...record, claims: [] }, '');
  const quick = validators.quick(CLAIM_SCHEMA);
  let described = 0;
  let unlisted = 0;
  for (let i = 0; i < claims.length; i++) {
    if (quick(claims[i])) continue;
    // Each failing claim has at least one place: past the cap, a claim is only counted.
    if (described < MAX_SCHEMA_POINTERS) {
      described++;
      for (const e of errorsOf(validators.full(CLAIM_SCHEMA), claims[i], `/claims/${i}`))
        errors.push(e);
    } else unlisted++;
  }
  return describeAjvErrors(errors, unlisted ? { count: unlisted, of: 'claims' } : undefined);
}
