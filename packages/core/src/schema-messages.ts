/** Ajv's errors as people read them: one clear message per location, in the words of the schemas' vocabulary. */
import type { ErrorObject } from 'ajv';
import type { JsonRecord } from './records.js';

export type { ErrorObject };

/** Ajv's errors reduced to one clear message per location: if/then, anyOf and oneOf noise collapsed. */
export function describeAjvErrors(
  errors: readonly ErrorObject[],
): { pointer: string; message: string }[] {
  const byPointer = new Map<string, string[]>();
  const add = (pointer: string, message: string) => {
    const list = byPointer.get(pointer) ?? [];
    if (!list.includes(message)) list.push(message);
    byPointer.set(pointer, list);
  };
  // anyOf/oneOf between a value and null (e.g. url: string or null): the branch errors at the same
  // place say "must be null" and "must match pattern"; keep the non-null branch's message.
  for (const e of errors) {
    const params = e.params as JsonRecord;
    switch (e.keyword) {
      case 'if':
      case 'anyOf':
      case 'oneOf':
      case 'allOf':
        break;
      case 'type':
        if (
          params.type === 'null' &&
          errors.some((o) => o !== e && o.instancePath === e.instancePath && o.keyword !== 'anyOf')
        )
          break;
        add(e.instancePath, `must be ${params.type}`);
        break;
      case 'additionalProperties':
        add(e.instancePath, `unknown property "${params.additionalProperty}"`);
        break;
      case 'required':
        add(e.instancePath, `missing required property "${params.missingProperty}"`);
        break;
      case 'enum':
        add(
          e.instancePath,
          `must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`,
        );
        break;
      case 'const':
        add(e.instancePath, `must be ${JSON.stringify(params.allowedValue)}`);
        break;
      case 'not':
        add(
          e.instancePath,
          /qualifier|allOf\/[0-2]\/then/.test(e.schemaPath)
            ? 'has a field its qualifier does not allow: a range has min and max and no value; unspecified has none of them; other qualifiers have a value and no min/max'
            : 'has a field that is not allowed here',
        );
        break;
      case 'format':
        add(
          e.instancePath,
          params.format === 'edtf'
            ? 'must be an EDTF date (2020-07-02, 2020-07, 2022-08~, 2020-04-01/2021-03-31)'
            : `must be a valid ${params.format}`,
        );
        break;
      case 'pattern':
        add(e.instancePath, `must match ${params.pattern}`);
        break;
      default:
        add(e.instancePath, e.message ?? e.keyword);
    }
  }
  if (byPointer.size === 0 && errors.length)
    add(errors[0]!.instancePath, errors[0]!.message ?? 'is not valid');
  return [...byPointer].map(([pointer, messages]) => ({ pointer, message: messages.join('; ') }));
}
