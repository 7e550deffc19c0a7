/**
 * What every tool refuses in records once their files have been read (readData refuses what is
 * wrong with the files themselves): a record that does not match the published schema of its
 * collection (the validator's SCHEMA001: a year of five digits, an unknown field…) and a
 * `superseded_by` cycle (REF003). The dataset build, the exporter and the diff refuse records with
 * any of these; the validator reports them among its other rules.
 */
import { collections } from './collections.js';
import type { RecordIssue } from './read-data.js';
import type { RecordEntry } from './records.js';
import { recordSchemaErrors, type SchemaValidators } from './schema-errors.js';
import { createAjv, precompiledValidator, validatorFor } from './schemas.js';
import { findSupersessionCycles } from './supersession.js';

const schemaOf = new Map<string, string>(collections.map((c) => [c.name, c.schema]));

/**
 * Every record checked against the published schema of its collection: the precompiled first-error
 * validators answer valid records; Ajv reporting every error is compiled only when one fails.
 */
export function schemaIssues(records: readonly RecordEntry[]): RecordIssue[] {
  let ajv: ReturnType<typeof createAjv> | undefined;
  const validators: SchemaValidators = {
    full: (file) => validatorFor((ajv ??= createAjv()), file),
    quick: precompiledValidator,
  };
  const issues: RecordIssue[] = [];
  for (const entry of records) {
    const schema = schemaOf.get(entry.collection)!;
    if (precompiledValidator(schema)(entry.record)) continue;
    for (const { pointer, message } of recordSchemaErrors(
      entry.collection,
      schema,
      entry.record,
      validators,
    ))
      issues.push({
        entry,
        pointer,
        message,
        hint: `see schemas/1.0/${schema}: it lists every field, its type and allowed values`,
      });
  }
  return issues;
}

/** The problems of `records` every tool refuses: schema errors, then supersession cycles. */
export function recordIssues(records: readonly RecordEntry[]): RecordIssue[] {
  return [
    ...schemaIssues(records),
    ...findSupersessionCycles(records).map(({ entry, pointer, message, hint }) => ({
      entry,
      pointer,
      message,
      hint,
    })),
  ];
}
