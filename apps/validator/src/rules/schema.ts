import type { ErrorObject, ValidateFunction } from 'ajv';
import { collections } from '../collections.js';
import type { RecordEntry } from '../inputs.js';
import type { DataRule, Issue } from '../rule.js';
import { validatorFor } from '../schemas.js';

/** Ajv's errors reduced to one clear message per location: if/then, anyOf and oneOf noise collapsed. */
export function describeAjvErrors(errors: readonly ErrorObject[]): { pointer: string; message: string }[] {
  const byPointer = new Map<string, string[]>();
  const add = (pointer: string, message: string) => {
    const list = byPointer.get(pointer) ?? [];
    if (!list.includes(message)) list.push(message);
    byPointer.set(pointer, list);
  };
  // anyOf/oneOf between a value and null (e.g. url: string or null): the branch errors at the same
  // place say "must be null" and "must match pattern"; keep the non-null branch's message.
  for (const e of errors) {
    const params = e.params as Record<string, any>;
    switch (e.keyword) {
      case 'if':
      case 'anyOf':
      case 'oneOf':
      case 'allOf':
        break;
      case 'type':
        if (params.type === 'null' && errors.some((o) => o !== e && o.instancePath === e.instancePath && o.keyword !== 'anyOf')) break;
        add(e.instancePath, `must be ${params.type}`);
        break;
      case 'additionalProperties':
        add(e.instancePath, `unknown property "${params.additionalProperty}"`);
        break;
      case 'required':
        add(e.instancePath, `missing required property "${params.missingProperty}"`);
        break;
      case 'enum':
        add(e.instancePath, `must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`);
        break;
      case 'const':
        add(e.instancePath, `must be ${JSON.stringify(params.allowedValue)}`);
        break;
      case 'not':
        add(e.instancePath, /qualifier|allOf\/[0-2]\/then/.test(e.schemaPath) ? 'has a field its qualifier does not allow: a range has min and max and no value; unspecified has none of them; other qualifiers have a value and no min/max' : 'has a field that is not allowed here');
        break;
      case 'format':
        add(e.instancePath, params.format === 'edtf' ? 'must be an EDTF date (2020-07-02, 2020-07, 2022-08~, 2020-04-01/2021-03-31)' : `must be a valid ${params.format}`);
        break;
      case 'pattern':
        add(e.instancePath, `must match ${params.pattern}`);
        break;
      default:
        add(e.instancePath, e.message ?? e.keyword);
    }
  }
  if (byPointer.size === 0 && errors.length) add(errors[0]!.instancePath, errors[0]!.message ?? 'is not valid');
  return [...byPointer].map(([pointer, messages]) => ({ pointer, message: messages.join('; ') }));
}

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
    for (const { name, schema: file } of collections) {
      const records = ctx.of(name);
      if (!records.length) continue;
      const quick = ctx.quickValidator(file);
      // The validator reporting every error is compiled only when a record fails.
      let validate: ValidateFunction | undefined;
      for (const entry of records) {
        if (quick(entry.record) || (validate ??= validatorFor(ctx.ajv, file))(entry.record)) continue;
        bad.add(entry);
        for (const { pointer, message } of describeAjvErrors(validate!.errors ?? []))
          issues.push({ entry, pointer, message, hint: `see schemas/1.0/${file}: it lists every field, its type and allowed values` });
      }
    }
    return issues;
  },
};
