/**
 * What a path given as input may be, on real paths: a FIFO, a device, /proc, a folder that is no data
 * folder are refused in one line naming the path, before anything is opened or walked (a FIFO
 * opened here would block the test forever, /dev/zero would fill the memory, /proc/self/root would
 * walk the whole file system).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '@encrochat-ledger/test-support';
import { collectInputs, UsageError } from '../src/data-files.js';
import { inputKind, isWithin, realPathOf, systemRootOf } from '../src/input-paths.js';
import { readData } from '../src/read-data.js';

const tmp = () => tempDir('input');

/** The UsageError `fn` throws (the test fails when it throws none, or something else). */
function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error('expected a refusal');
}

describe('inputKind', () => {
  it('tells a folder from a regular file, following a link the user gave', () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'data.json'), '{}');
    fs.symlinkSync(path.join(dir, 'data.json'), path.join(dir, 'link.json'));
    expect(inputKind(dir, 'dir')).toBe('folder');
    expect(inputKind(path.join(dir, 'data.json'), 'data.json')).toBe('file');
    expect(inputKind(path.join(dir, 'link.json'), 'link.json')).toBe('file');
  });

  it('refuses a FIFO without opening it', () => {
    const fifo = path.join(tmp(), 'input.json');
    execFileSync('mkfifo', [fifo]);
    expect(refusal(() => inputKind(fifo, 'input.json'))).toBe(
      'input.json is a FIFO (named pipe); give a data folder, a record file or a bundle (data.json)',
    );
  });

  it.each([
    ['/dev/zero', '/dev'],
    ['/dev/stdin', '/dev'],
    ['/proc/self/mem', '/proc'],
    ['/proc/self/root', '/proc'],
    ['/proc', '/proc'],
    ['/sys/kernel', '/sys'],
  ])('refuses %s: it lies under %s', (input, root) => {
    expect(refusal(() => inputKind(input, input))).toBe(
      `${input} is under ${root}, not data; give a data folder, a record file or a bundle (data.json)`,
    );
  });

  it('refuses a link that leads into /proc, or to the whole file system', () => {
    const dir = tmp();
    fs.symlinkSync('/proc/self/root', path.join(dir, 'root'));
    expect(refusal(() => readData(['root'], dir))).toMatch(/^root is not a data folder/);
    const mem = path.join(tmp(), 'mem.json');
    fs.symlinkSync('/proc/self/mem', mem);
    expect(refusal(() => inputKind(mem, 'mem.json'))).toMatch(
      /^mem\.json leads to \/proc\/\d+\/mem, under \/proc, not data/,
    );
  });

  it('refuses a path that does not exist, naming it', () => {
    expect(refusal(() => inputKind(path.join(tmp(), 'nothing'), 'nothing'))).toBe(
      'no such file or folder: nothing',
    );
  });

  it('knows the system roots, and only them', () => {
    expect(['/proc', '/proc/1', '/sys/x', '/dev/null'].map(systemRootOf)).toEqual([
      '/proc',
      '/proc',
      '/sys',
      '/dev',
    ]);
    expect(['/process', '/devices', '/tmp/proc', '/'].map(systemRootOf)).toEqual([
      null,
      null,
      null,
      null,
    ]);
  });
});

describe('isWithin and realPathOf (where an output folder lies)', () => {
  it('knows a folder, what lies inside it, and nothing else', () => {
    expect(isWithin('/a/b', '/a/b')).toBe(true);
    expect(isWithin('/a/b/c/d', '/a/b')).toBe(true);
    expect(isWithin('/a/b/..c', '/a/b')).toBe(true);
    expect(isWithin('/a', '/a/b')).toBe(false);
    expect(isWithin('/a/bc', '/a/b')).toBe(false);
    expect(isWithin('/x/b', '/a/b')).toBe(false);
  });

  it('resolves the links of the part that exists and appends the part that does not', () => {
    const dir = fs.realpathSync(tmp());
    fs.mkdirSync(path.join(dir, 'real'));
    fs.symlinkSync(path.join(dir, 'real'), path.join(dir, 'link'));
    expect(realPathOf(path.join(dir, 'link'))).toBe(path.join(dir, 'real'));
    expect(realPathOf(path.join(dir, 'link', 'new', 'deeper'))).toBe(
      path.join(dir, 'real', 'new', 'deeper'),
    );
    expect(realPathOf(path.join(dir, 'none', 'new'))).toBe(path.join(dir, 'none', 'new'));
  });

  it('makes a relative path absolute', () => {
    expect(realPathOf('.')).toBe(fs.realpathSync(process.cwd()));
  });
});

describe('collectInputs and readData', () => {
  it('refuse a folder that is no data folder before walking it, naming it', () => {
    const dir = tmp();
    fs.mkdirSync(path.join(dir, 'notes', 'deeper'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'notes', 'deeper', 'x.json'), '{}');
    fs.mkdirSync(path.join(dir, 'empty'));
    for (const folder of ['notes', 'empty'])
      expect(refusal(() => readData([folder], dir))).toBe(
        `${folder} is not a data folder: it holds none of the collection folders (metrics/, networks/, places/, organisations/, operations/, persons/, events/, sources/) and is not inside one; give a data folder, a record file or a bundle (data.json)`,
      );
  });

  it('accept a collection folder, and a folder inside one (their data folder is found above)', () => {
    const dir = tmp();
    fs.mkdirSync(path.join(dir, 'data', 'places', 'nested'), { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'data', 'places', 'world.json'),
      JSON.stringify({ id: 'world', name: 'World', kind: 'world' }),
    );
    expect(collectInputs(['data/places'], dir).files).toHaveLength(1);
    expect(collectInputs(['data/places/nested'], dir).roots).toEqual([path.join(dir, 'data')]);
  });

  it('refuse a FIFO, /dev/zero and /proc/self/mem given as inputs', () => {
    const dir = tmp();
    execFileSync('mkfifo', [path.join(dir, 'pipe.json')]);
    expect(refusal(() => readData(['pipe.json'], dir))).toMatch(/^pipe\.json is a FIFO/);
    expect(refusal(() => readData(['/dev/zero'], dir))).toMatch(/^\/dev\/zero is under \/dev/);
    expect(refusal(() => readData(['/proc/self/mem'], dir))).toMatch(/^\/proc\/self\/mem is under/);
  });
});
