import type { ErrorObject } from 'ajv';
import { collections } from './collections.js';
import type { LoadedRecord, Problem } from './load-data.js';
import { createAjv, validatorFor } from './schemas.js';

/** Ajv errors of one record, reduced to one message per location (if/then and anyOf noise removed). */
export function describeErrors(errors: ErrorObject[]): { pointer: string; message: string }[] {
  const useful = errors.filter((e) => !['if', 'anyOf', 'oneOf', 'allOf'].includes(e.keyword));
  const byPointer = new Map<string, string[]>();
  for (const e of useful) {
    let message: string;
    if (e.keyword === 'additionalProperties') message = `unknown property "${(e.params as { additionalProperty: string }).additionalProperty}"`;
    else if (e.keyword === 'enum') message = `must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
    else if (e.keyword === 'not' && /\/then\//.test(e.schemaPath)) message = 'has a property that its qualifier does not allow (a range has min and max but no value; unspecified has none of them; other qualifiers have a value and no min/max)';
    else if (e.keyword === 'format') message = `must be a valid ${(e.params as { format: string }).format}${(e.params as { format: string }).format === 'edtf' ? ' date (e.g. 2020-07-02, 2020-07, 2022-08~, 2020-04-01/2021-03-31)' : ''}`;
    else message = e.message ?? e.keyword;
    const list = byPointer.get(e.instancePath) ?? [];
    if (!list.includes(message)) list.push(message);
    byPointer.set(e.instancePath, list);
  }
  if (byPointer.size === 0 && errors.length) {
    // Only combinator errors: report the first one as is.
    byPointer.set(errors[0]!.instancePath, [errors[0]!.message ?? 'is not valid']);
  }
  return [...byPointer].map(([pointer, messages]) => ({ pointer, message: messages.join('; ') }));
}

/** Validates every record against the published schema of its collection. */
export function checkSchema(records: LoadedRecord[]): Problem[] {
  const ajv = createAjv();
  const validators = new Map(collections.map((c) => [c.name, validatorFor(ajv, c.schema)]));
  const problems: Problem[] = [];
  for (const { collection, file, record } of records) {
    const validate = validators.get(collection)!;
    if (validate(record)) continue;
    const schema = collections.find((c) => c.name === collection)!.schema;
    for (const { pointer, message } of describeErrors(validate.errors ?? [])) {
      problems.push({ file, pointer, message, hint: `see schemas/1.0/${schema} for the allowed fields and values` });
    }
  }
  return problems;
}
