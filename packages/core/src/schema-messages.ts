/** Ajv's errors as people read them: one clear message per location, in the words of the schemas' vocabulary. */
import type { ErrorObject } from 'ajv';
import type { JsonRecord } from './records.js';

export type { ErrorObject };

/** Places (pointers) described per record: a record with thousands of errors gets these and a count of the rest. */
export const MAX_SCHEMA_POINTERS = 20;
/** Messages kept per place (100,000 unknown properties of one object are 10 and a count). */
export const MAX_MESSAGES_PER_POINTER = 10;

/**
 * Ajv's errors reduced to one clear message per location: if/then, anyOf and oneOf noise collapsed.
 * Linear in the number of errors, and capped (see above): a record of 40,000 failing items or
 * 100,000 unknown keys is described in a few lines, the rest counted.
 */
export function describeAjvErrors(
  errors: readonly ErrorObject[],
  /** Parts known to fail that `errors` leaves out (see recordSchemaErrors): counted in the summary. */
  unlisted?: { count: number; of: string },
): { pointer: string; message: string }[] {
  const byPointer = new Map<string, { messages: Set<string>; more: Set<string> }>();
  const morePointers = new Set<string>();
  const add = (pointer: string, message: string) => {
    let place = byPointer.get(pointer);
    if (!place) {
      if (byPointer.size >= MAX_SCHEMA_POINTERS) {
        morePointers.add(pointer);
        return;
      }
      byPointer.set(pointer, (place = { messages: new Set(), more: new Set() }));
    }
    if (place.messages.has(message)) return;
    if (place.messages.size < MAX_MESSAGES_PER_POINTER) place.messages.add(message);
    else place.more.add(message);
  };
  // Errors other than anyOf at each place: a "must be null" is dropped where another one says more.
  const othersAt = new Map<string, number>();
  // Places of the wrong type (a claim that is 0): their `not` errors (a qualifier's fields) say nothing more.
  const wrongType = new Set<string>();
  for (const e of errors) {
    if (e.keyword !== 'anyOf')
      othersAt.set(e.instancePath, (othersAt.get(e.instancePath) ?? 0) + 1);
    if (e.keyword === 'type' && (e.params as JsonRecord).type !== 'null')
      wrongType.add(e.instancePath);
  }
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
        // Other errors here besides this one: the non-null branch's say more.
        if (params.type === 'null' && othersAt.get(e.instancePath)! > 1) break;
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
        if (wrongType.has(e.instancePath)) break;
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
  const described = [...byPointer].map(([pointer, { messages, more }]) => ({
    pointer,
    message: [...messages, ...(more.size ? [`and ${more.size} more`] : [])].join('; '),
  }));
  const more = [
    ...(morePointers.size ? [`${morePointers.size} more places`] : []),
    ...(unlisted?.count ? [`${unlisted.count} more ${unlisted.of}`] : []),
  ];
  if (more.length)
    described.push({
      pointer: '',
      message: `and ${more.join(' and ')} do not match the schema (the first ${described.length} places are listed)`,
    });
  return described;
}
