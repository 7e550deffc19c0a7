/** The one reader of data, on real files: what it reads, what it skips, and every problem of a file, located. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '@encrochat-ledger/test-support';
import { collectInputs } from '../src/data-files.js';
import { readData } from '../src/read-data.js';

const world = { id: 'world', name: 'World', kind: 'world' };

/** A folder `data/` under a new temporary folder, with the given files (strings and buffers written as they are). */
function dataFolder(files: Record<string, unknown>): string {
  const root = tempDir('core');
  for (const [file, content] of Object.entries(files)) {
    const full = path.join(root, 'data', file);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(
      full,
      typeof content === 'string' || Buffer.isBuffer(content)
        ? content
        : `${JSON.stringify(content, null, 2)}\n`,
    );
  }
  return root;
}

describe('readData', () => {
  it('reads one record per file of each collection folder, paths shown relative to cwd', () => {
    const root = dataFolder({
      'places/world.json': world,
      'networks/encrochat.json': {
        id: 'encrochat',
        name: 'EncroChat',
        kind: 'encrypted-phone-network',
      },
    });
    const { records, problems } = readData(['data'], root);
    expect(problems).toEqual([]);
    expect(records.map((r) => [r.file.display, r.collection, r.base, r.record.id])).toEqual([
      ['data/networks/encrochat.json', 'networks', '', 'encrochat'],
      ['data/places/world.json', 'places', '', 'world'],
    ]);
  });

  it('reads every record of a bundle, each with its pointer in the file', () => {
    const root = dataFolder({
      'bundle/data.json': {
        name: 'encrochat-ledger',
        version: '0.1.0',
        places: [world, 'not a record'],
        sources: [],
      },
    });
    const { records, problems } = readData(['data/bundle/data.json'], root);
    expect(problems).toEqual([]);
    expect(records.map((r) => [r.collection, r.base])).toEqual([['places', '/places/0']]);
  });

  it('locates every problem of a file, with the messages and hints the validator gives', () => {
    const root = dataFolder({
      'places/world.json': world,
      'places/empty.json': '  \n',
      'places/bom.json': Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        Buffer.from(JSON.stringify(world)),
      ]),
      'places/latin1.json': Buffer.from('{\n  "id": "caf\xe9"\n}\n', 'latin1'),
      'places/syntax.json': '{\n  "id": "syntax",\n  "name": "Syntax"\n  "kind": "country"\n}\n',
      'places/twice.json':
        '{\n  "id": "twice",\n  "id": "twice",\n  "name": "Twice", "kind": "world"\n}\n',
      'places/list.json': '[]\n',
      'places/nested/deeper.json': world,
    });
    const byFile = new Map(
      readData(['data'], root).problems.map((p) => [p.file.replace('data/places/', ''), p]),
    );
    expect([...byFile.keys()].sort()).toEqual([
      'bom.json',
      'empty.json',
      'latin1.json',
      'list.json',
      'nested/deeper.json',
      'syntax.json',
      'twice.json',
    ]);
    expect(byFile.get('empty.json')).toMatchObject({
      pointer: '',
      line: 1,
      column: 1,
      message: 'the file is empty; expected one JSON record',
    });
    expect(byFile.get('bom.json')).toMatchObject({
      line: 1,
      column: 1,
      message: expect.stringContaining('byte order mark'),
    });
    expect(byFile.get('latin1.json')).toMatchObject({
      line: 2,
      column: 13,
      message: 'invalid UTF-8 at byte 14 (line 2)',
    });
    expect(byFile.get('syntax.json')).toMatchObject({
      line: 4,
      column: 3,
      message: 'invalid JSON at line 4, column 3: expected , or } (a missing comma?)',
    });
    expect(byFile.get('twice.json')).toMatchObject({
      pointer: '/id',
      line: 3,
      column: 3,
      message: expect.stringContaining('key "id" appears twice'),
    });
    expect(byFile.get('list.json')).toMatchObject({
      message: 'expected one JSON object (a place record), found an array',
      hint: 'one record per file, as an object',
    });
    expect(byFile.get('nested/deeper.json')).toMatchObject({
      message: expect.stringContaining('cannot tell which collection this file belongs to'),
    });
    for (const p of byFile.values()) expect(p.hint.length).toBeGreaterThan(10);
  });

  it('locates problems found in records later (a schema error, say) to the line and column of their pointer', () => {
    const root = dataFolder({ 'places/world.json': world });
    const reading = readData(['data'], root);
    const [entry] = reading.records;
    expect(
      reading.locate([
        { entry: entry!, pointer: '/kind', message: 'must be one of …', hint: 'see the schema' },
      ]),
    ).toEqual([
      {
        file: 'data/places/world.json',
        pointer: '/kind',
        line: 4,
        column: 11,
        message: 'must be one of …',
        hint: 'see the schema',
      },
    ]);
  });

  it('reports links, FIFOs and folders named like records inside a data folder without opening them; skips the exceptions file', () => {
    const root = dataFolder({ 'places/world.json': world, 'validator-exceptions.json': {} });
    const places = path.join(root, 'data', 'places');
    const outside = tempDir('outside');
    fs.writeFileSync(path.join(outside, 'other.json'), JSON.stringify({ ...world, id: 'other' }));
    fs.symlinkSync(path.join(places, 'world.json'), path.join(places, 'linked.json'));
    fs.symlinkSync(outside, path.join(places, 'more'));
    execFileSync('mkfifo', [path.join(places, 'fifo.json')]);
    fs.mkdirSync(path.join(places, 'folder.json'));
    // Reading a FIFO would block this test forever: it must not be opened.
    const { files, records, problems } = readData(['data'], root);
    expect(files.map((f) => [f.display, f.special ?? null])).toEqual([
      ['data/places/fifo.json', 'a FIFO (named pipe)'],
      ['data/places/folder.json', 'a folder named like a record file'],
      ['data/places/linked.json', `a symbolic link to ${path.join(places, 'world.json')}`],
      ['data/places/more', `a symbolic link to ${outside}`],
      ['data/places/world.json', null],
    ]);
    expect(records.map((r) => r.record.id)).toEqual(['world']);
    expect(problems.map((p) => [p.file, p.line, p.column, p.message])).toEqual([
      [
        'data/places/fifo.json',
        1,
        1,
        'a FIFO (named pipe), not a record file: it is not opened (reading it could block or never end)',
      ],
      [
        'data/places/folder.json',
        1,
        1,
        'a folder named like a record file, not a record file: records are files, data/<collection>/<id>.json',
      ],
      [
        'data/places/linked.json',
        1,
        1,
        `a symbolic link to ${path.join(places, 'world.json')}, not a record file: links are not followed, so what it points to is not read or checked with this folder`,
      ],
      [
        'data/places/more',
        1,
        1,
        `a symbolic link to ${outside}, not a record file: links are not followed, so what it points to is not read or checked with this folder`,
      ],
    ]);
    for (const p of problems) expect(p.hint.length).toBeGreaterThan(10);
  });

  it('reports a collection folder that is a link, and does not read through it', () => {
    const root = dataFolder({ 'places/world.json': world });
    const outside = tempDir('outside');
    fs.writeFileSync(path.join(outside, 'x.json'), '{');
    fs.symlinkSync(outside, path.join(root, 'data', 'sources'));
    const { files, problems } = readData(['data/places'], root);
    expect(files.map((f) => f.display)).toEqual(['data/places/world.json', 'data/sources']);
    expect(problems).toEqual([]); // a context entry: reported when its folder is asked for
    expect(readData(['data'], root).problems.map((p) => p.file)).toEqual(['data/sources']);
  });

  it('reads a file inside a data folder with the rest of the folder as context, reporting that file only', () => {
    const root = dataFolder({ 'places/world.json': world, 'places/broken.json': '{' });
    const { files, records, problems } = readData(['data/places/world.json'], root);
    expect(files.map((f) => [f.display, f.reported])).toEqual([
      ['data/places/broken.json', false],
      ['data/places/world.json', true],
    ]);
    expect(records.map((r) => r.record.id)).toEqual(['world']);
    expect(problems).toEqual([]);
  });

  it('does not keep the bytes of the files it read (they are read again to locate a problem)', () => {
    const root = dataFolder({ 'places/world.json': world });
    const reading = readData(['data'], root);
    const file = reading.files[0]!;
    expect(Object.values(file)).not.toContainEqual(expect.any(Buffer));
    expect(file.bytes.toString('utf8')).toBe(`${JSON.stringify(world, null, 2)}\n`);
  });
});

describe('collectInputs', () => {
  it("reads and keeps every file's bytes by default (the validator reads each file once)", () => {
    const root = dataFolder({ 'places/world.json': world });
    const { files, roots } = collectInputs(['data'], root);
    expect(Buffer.isBuffer(Object.getOwnPropertyDescriptor(files[0], 'bytes')?.value)).toBe(true);
    expect(roots).toEqual([path.join(root, 'data')]);
  });

  it('refuses a path that does not exist, naming it', () => {
    expect(() => collectInputs(['nowhere'], os.tmpdir())).toThrow(
      'no such file or folder: nowhere',
    );
  });
});
