import type { LoadedRecord, Problem } from './load-data.js';
import { collections, createAjv, describeAjvErrors, validatorFor } from './validator.js';

/** The build's gate: every record validates against the published schema of its collection. */
export function checkSchema(records: LoadedRecord[]): Problem[] {
  const ajv = createAjv();
  const validators = new Map(collections.map((c) => [c.name, [validatorFor(ajv, c.schema), c.schema] as const]));
  const problems: Problem[] = [];
  for (const { collection, file, record } of records) {
    const [validate, schema] = validators.get(collection)!;
    if (validate(record)) continue;
    for (const { pointer, message } of describeAjvErrors(validate.errors ?? []))
      problems.push({ file, pointer, message, hint: `see schemas/1.0/${schema} for the allowed fields and values` });
  }
  return problems;
}
