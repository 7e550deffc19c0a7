import {
  collections,
  recordSchemaErrors,
  validatorFor,
  type RecordEntry,
  type SchemaValidators,
} from '@encrochat-ledger/core';
import type { DataRule, Issue } from '../rule.js';

/** The records that failed their schema in this run (kept so other rules need not validate again). */
const failed = new WeakMap<object, Set<RecordEntry>>();

/** Whether a record passed SCHEMA001 in this run (the schema rule runs first). */
export function passedSchema(ctx: object, entry: RecordEntry): boolean {
  const set = failed.get(ctx);
  if (!set) throw new Error('passedSchema: the schema rule has not run in this context');
  return !set.has(entry);
}

/** SCHEMA001: every record validates against the published JSON Schema of its collection (Ajv, 2020-12). */
export const schema: DataRule = {
  code: 'SCHEMA001',
  title: 'JSON Schema',
  severity: 'error',
  scope: 'record',
  check(ctx) {
    const issues: Issue[] = [];
    const bad = new Set<RecordEntry>();
    failed.set(ctx, bad);
    // The validator reporting every error is compiled only when a record fails.
    const validators: SchemaValidators = {
      full: (file) => validatorFor(ctx.ajv, file),
      quick: (file) => ctx.quickValidator(file),
    };
    for (const { name, schema: file } of collections) {
      const records = ctx.of(name);
      if (!records.length) continue;
      const quick = ctx.quickValidator(file);
      for (const entry of records) {
        if (quick(entry.record)) continue;
        bad.add(entry);
        for (const { pointer, message } of recordSchemaErrors(name, file, entry.record, validators))
          issues.push({
            entry,
            pointer,
            message,
            hint: `see schemas/1.0/${file}: it lists every field, its type and allowed values`,
          });
      }
    }
    return issues;
  },
};
