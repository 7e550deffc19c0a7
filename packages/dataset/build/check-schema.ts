import {
  collections,
  createAjv,
  describeAjvErrors,
  validatorFor,
  type RecordEntry,
  type RecordIssue,
} from '@encrochat-ledger/core';

/** The build's gate: every record validates against the published schema of its collection. */
export function checkSchema(records: readonly RecordEntry[]): RecordIssue[] {
  const ajv = createAjv();
  const validators = new Map(
    collections.map((c) => [c.name, [validatorFor(ajv, c.schema), c.schema] as const]),
  );
  const issues: RecordIssue[] = [];
  for (const entry of records) {
    const [validate, schema] = validators.get(entry.collection)!;
    if (validate(entry.record)) continue;
    for (const { pointer, message } of describeAjvErrors(validate.errors ?? []))
      issues.push({
        entry,
        pointer,
        message,
        hint: `see schemas/1.0/${schema} for the allowed fields and values`,
      });
  }
  return issues;
}
