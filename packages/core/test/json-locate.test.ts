import { describe, expect, it } from 'vitest';
import { locate, positioner } from '../src/json-locate.js';

describe('locate', () => {
  it('maps pointers to lines and columns, escaping ~ and /', () => {
    const { positions, duplicates, syntaxError } = locate('{\n  "a/b": [1,\n    {"~c": true}]\n}');
    expect(syntaxError).toBeUndefined();
    expect(duplicates).toEqual([]);
    expect(positions.get('/a~1b')).toEqual({ line: 2, column: 10 });
    expect(positions.get('/a~1b/1/~0c')).toEqual({ line: 3, column: 12 });
  });
  it('finds duplicate keys with both positions', () => {
    expect(locate('{"a": 1,\n "a": 2}').duplicates).toEqual([
      { pointer: '/a', key: 'a', first: { line: 1, column: 2 }, second: { line: 2, column: 2 } },
    ]);
  });
  it.each([
    ['{"a": 1,}', 'a trailing comma', 1, 9],
    ['[1 2]', 'a missing comma', 1, 4],
    ['{"a": tru}', 'a bad literal', 1, 7],
    ['{"a": "\u0001"}', 'a control character', 1, 7],
    ['{}x', 'text after the end', 1, 3],
  ])('%j: %s at %d:%d', (text, _what, line, column) => {
    expect(locate(text).syntaxError?.position).toEqual({ line, column });
  });
  it('reads 100,000 levels of nesting', () => {
    const located = locate('['.repeat(100_000) + ']'.repeat(100_000));
    expect(located.syntaxError).toBeUndefined();
    expect(located.positions.size).toBeLessThanOrEqual(64);
  });
  it('positioner agrees with a naive count', () => {
    const text = 'ab\ncd\n\nef';
    const pos = positioner(text);
    expect([0, 2, 3, 6, 7, 9].map(pos)).toEqual([
      { line: 1, column: 1 },
      { line: 1, column: 3 },
      { line: 2, column: 1 },
      { line: 3, column: 1 },
      { line: 4, column: 1 },
      { line: 4, column: 3 },
    ]);
  });
});
