import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keptEveryMember } from '../src/duplicate-keys.js';
import { locate } from '../src/json-locate.js';

const check = (text: string) => keptEveryMember(text, JSON.parse(text));

describe('keptEveryMember (JSON002 first pass)', () => {
  it('is true for 2,000 random documents without repeated keys, colons in keys and strings included', () => {
    const text = fc.string({
      maxLength: 8,
      unit: fc.constantFrom('a', ':', '"', '\\', '/', 'é', ' '),
    });
    const doc = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        text,
        fc.integer(),
        fc.array(tie('value'), { maxLength: 4 }),
        fc.dictionary(text, tie('value'), { maxKeys: 4 }),
      ),
    })).value;
    fc.assert(
      fc.property(doc, fc.constantFrom(0, 2), (value, indent) => {
        expect(check(JSON.stringify(value, null, indent))).toBe(true);
      }),
      { numRuns: 2000, seed: 3 },
    );
  });
  it('is false whenever the locating reader finds a repeated key, in 2,000 random documents', () => {
    const key = fc.constantFrom('a', 'b', 'a:b', ':');
    const leaf = fc.oneof(fc.constantFrom('"x"', '"x:y"', '1', 'null', '"\\u003a"'));
    const doc: fc.Arbitrary<string> = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        leaf,
        fc.array(tie('value'), { maxLength: 3 }).map((xs) => `[${xs.join(',')}]`),
        fc
          .array(fc.tuple(key, tie('value')), { maxLength: 4 })
          .map((ms) => `{${ms.map(([k, v]) => `${JSON.stringify(k)}: ${v}`).join(', ')}}`),
      ),
    })).value as fc.Arbitrary<string>;
    let repeated = 0;
    fc.assert(
      fc.property(doc, (text) => {
        const duplicates = locate(text).duplicates.length > 0;
        if (duplicates) repeated++;
        expect(check(text)).toBe(!duplicates);
      }),
      { numRuns: 2000, seed: 5 },
    );
    expect(repeated).toBeGreaterThan(200);
  });
  it('reads escaped colons', () => {
    expect(check('{"a\\u003a": "b\\u003Ac", "c": 1}')).toBe(true);
    expect(check('{"a": "\\u003a", "a": 1}')).toBe(false);
    expect(check('{"a": "x:y:z", "a": "q"}')).toBe(false);
  });
});
