/** NUL and lone surrogates in text, read from real files: refused wherever they are, located, the rest left alone. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '@encrochat-ledger/test-support';
import { readData } from '../src/read-data.js';

/** A data folder with one place file whose JSON text is `text`, read; its problems. */
function problemsOf(text: string) {
  const root = tempDir('core-text');
  fs.mkdirSync(path.join(root, 'data', 'places'), { recursive: true });
  fs.writeFileSync(path.join(root, 'data', 'places', 'world.json'), text);
  return readData(['data'], root).problems;
}

describe('badCharacters (JSON003)', () => {
  it('refuses a NUL written as \\u0000, located to the string, with the fix', () => {
    expect(problemsOf('{\n  "id": "world",\n  "name": "Wor\\u0000ld"\n}\n')).toEqual([
      {
        file: 'data/places/world.json',
        pointer: '/name',
        line: 3,
        column: 11,
        message: expect.stringContaining('the text holds a NUL character (\\u0000 at character 4)'),
        hint: 'remove the \\u0000 escape',
      },
    ]);
  });

  it('refuses lone surrogates (high without low, low without high), in values, arrays and keys', () => {
    const problems = problemsOf(
      '{"id": "world", "name": "a\\ud800", "aliases": ["x", "\\udc00b"], "k\\udbff": 1}',
    );
    expect(problems.map((p) => [p.pointer, p.message.slice(0, 48)])).toEqual([
      ['/name', 'the text holds a lone surrogate (\\ud800 at chara'],
      ['/aliases/1', 'the text holds a lone surrogate (\\udc00 at chara'],
      ['/k\udbff', 'the key holds a lone surrogate (\\udbff at charac'],
    ]);
  });

  it('accepts a surrogate pair, a literal backslash-u text and other escapes', () => {
    expect(
      problemsOf('{"id": "world", "name": "\\ud83d\\ude00 \\\\u0000 \\\\ud800 \\u00e9\\u0001"}'),
    ).toEqual([]);
  });

  it('walks deep nesting without recursion, and reports a file full of bad strings in 101 problems', () => {
    const deep = `{"id": "world", "x": ${'['.repeat(50_000)}"\\u0000"${']'.repeat(50_000)}}`;
    expect(problemsOf(deep).map((p) => p.pointer.length)).toEqual([2 + 2 * 50_000]);
    const many = problemsOf(
      `{"id": "world", "x": [${new Array(500).fill('"\\u0000"').join(',')}]}`,
    );
    expect(many).toHaveLength(101);
    expect(many[100]).toMatchObject({
      pointer: '',
      message: '400 more strings of this file hold a NUL or a lone surrogate',
    });
  });
});
