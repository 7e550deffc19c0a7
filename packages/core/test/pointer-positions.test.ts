import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { locate } from '../src/json-locate.js';
import { escapePointerToken } from '../src/json-pointer.js';
import { pointerPositions } from '../src/pointer-positions.js';

const data = path.resolve(__dirname, '../../../data');

/** Every pointer of a value, plus pointers that do not exist (a missing key, an index past the end). */
function pointersOf(value: unknown, base = ''): string[] {
  const out = [base, `${base}/missing`, `${base}/99999`];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...pointersOf(v, `${base}/${i}`)));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value))
      out.push(...pointersOf(v, `${base}/${escapePointerToken(k)}`));
  return out;
}

/** What the full locating reader says, with its nearest-ancestor rule. */
function expected(text: string, pointer: string) {
  const { positions } = locate(text);
  for (let p = pointer; ; p = p.slice(0, p.lastIndexOf('/'))) {
    const pos = positions.get(p);
    if (pos) return pos;
    if (p === '') return { line: 1, column: 1 };
  }
}

describe('pointerPositions', () => {
  it('agrees with the full reader on every pointer of every real data file', () => {
    let checked = 0;
    for (const dir of fs.readdirSync(data, { withFileTypes: true }).filter((d) => d.isDirectory()))
      for (const f of fs
        .readdirSync(path.join(data, dir.name))
        .filter((f) => f.endsWith('.json'))
        .slice(0, 40)) {
        const text = fs.readFileSync(path.join(data, dir.name, f), 'utf8');
        const pointers = pointersOf(JSON.parse(text));
        const got = pointerPositions(text, pointers);
        for (const p of pointers)
          expect(got.get(p), `${dir.name}/${f} ${p}`).toEqual(expected(text, p));
        checked += pointers.length;
      }
    expect(checked).toBeGreaterThan(5000);
  });
  it('agrees with the full reader on 2,000 random documents, compact or indented, with escapes', () => {
    const key = fc.oneof(
      fc.string({ maxLength: 6 }),
      fc.constantFrom('a/b', '~x', 'q"uote', 'back\\slash', 'é', '\n'),
    );
    const doc = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc.jsonValue({ maxDepth: 1 }),
        fc.array(tie('value'), { maxLength: 4 }),
        fc.dictionary(key, tie('value'), { maxKeys: 4 }),
      ),
    })).value;
    fc.assert(
      fc.property(doc, fc.constantFrom(0, 2, '\t'), (value, indent) => {
        const text = JSON.stringify(value, null, indent) ?? 'null';
        const pointers = pointersOf(JSON.parse(text));
        const got = pointerPositions(text, pointers);
        for (const p of pointers) expect(got.get(p)).toEqual(expected(text, p));
      }),
      { numRuns: 2000, seed: 11 },
    );
  });
  it('stops at the same depth as the full reader on deep nesting', () => {
    const text = '['.repeat(200) + ']'.repeat(200);
    const deep = '/0'.repeat(150);
    expect(pointerPositions(text, [deep]).get(deep)).toEqual(expected(text, deep));
  });
});
