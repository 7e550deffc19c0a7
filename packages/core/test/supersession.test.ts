/** Supersession cycles among records and among claims, on records read from real files. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '@encrochat-ledger/test-support';
import { readData } from '../src/read-data.js';
import { findSupersessionCycles } from '../src/supersession.js';

function read(files: Record<string, unknown>) {
  const root = tempDir('core-supersession');
  for (const [file, record] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, 'data', file)), { recursive: true });
    fs.writeFileSync(path.join(root, 'data', file), `${JSON.stringify(record, null, 2)}\n`);
  }
  return readData(['data'], root);
}

const cyclesOf = (files: Record<string, unknown>) => {
  const data = read(files);
  return data.locate(findSupersessionCycles(data.records));
};

describe('findSupersessionCycles (REF003)', () => {
  it('finds a record superseded by itself and a two-record cycle, through an alias, located', () => {
    expect(
      cyclesOf({
        'places/a.json': { id: 'a', superseded_by: 'a' },
        'places/b.json': { id: 'b', superseded_by: 'old-c' },
        'places/c.json': { id: 'c', aliases: ['old-c'], superseded_by: 'b' },
        'places/d.json': { id: 'd', superseded_by: 'e' },
        'places/e.json': { id: 'e' },
        'places/f.json': { id: 'f', superseded_by: 'nowhere' },
      }).map((p) => [p.file, p.pointer, p.line, p.message]),
    ).toEqual([
      ['data/places/a.json', '/superseded_by', 3, '"a" is superseded by itself'],
      ['data/places/b.json', '/superseded_by', 3, 'superseded_by forms a cycle: b → c → b'],
      ['data/places/c.json', '/superseded_by', 6, 'superseded_by forms a cycle: c → b → c'],
    ]);
  });

  it('finds cycles among claims, across sources, and not across collections', () => {
    const claim = (id: string, superseded_by: string) => ({ id, superseded_by });
    const found = cyclesOf({
      'sources/s.json': { id: 's', claims: [claim('s/x', 't/y'), { id: 's/z' }] },
      'sources/t.json': { id: 't', claims: [claim('t/y', 's/x')] },
      'places/s.json': { id: 's', superseded_by: 's/x' },
    });
    expect(found.map((p) => [p.file, p.pointer, p.message])).toEqual([
      [
        'data/sources/s.json',
        '/claims/0/superseded_by',
        'superseded_by forms a cycle: s/x → t/y → s/x',
      ],
      [
        'data/sources/t.json',
        '/claims/0/superseded_by',
        'superseded_by forms a cycle: t/y → s/x → t/y',
      ],
    ]);
  });

  it('finds nothing in a chain that ends at a current record', () => {
    expect(
      cyclesOf({
        'places/a.json': { id: 'a', superseded_by: 'b' },
        'places/b.json': { id: 'b', superseded_by: 'c' },
        'places/c.json': { id: 'c' },
      }),
    ).toEqual([]);
  });
});
