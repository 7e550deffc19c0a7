/**
 * The hostile cases: inputs that once made a tool hang, crash, print a stack trace, take minutes, or
 * accept what another tool refused. Each case builds its input in an empty folder and says what
 * EVERY tool (the validator, the dataset build, the exporter, the diff) must do with it: refuse it
 * with a one-line-ish error naming the file or place (exit 1 or 2), or accept it (exit 0). The
 * point is that the tools agree.
 *
 * An input is a data folder (`{ data }`, in the data/ layout), a single file (`{ file }`: a record or
 * a bundle), or paths given where a tool takes its input (`{ args }`: /dev/zero, a FIFO, /proc…).
 * Large inputs are generated here, not committed.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { collectionNames } from '@encrochat-ledger/core';
import { claim, jsonText, source, SOURCE_ID, validFiles, writeDataFolder } from './records.mjs';

const SOURCE_FILE = `sources/${SOURCE_ID}.json`;
/** What a refusal of the broken source must name: its file. */
const NAMES_SOURCE = /hostile-source\.json/;

/** The valid data folder under `dir/data`, with `files` replacing or adding files. */
function dataFolder(dir, files = {}) {
  return { data: writeDataFolder(path.join(dir, 'data'), { ...validFiles(), ...files }) };
}

/** The valid data folder whose one claim has `extra` fields. */
function withClaim(dir, extra) {
  return dataFolder(dir, {
    [SOURCE_FILE]: source(SOURCE_ID, [claim(SOURCE_ID, 'uk-arrests', extra)]),
  });
}

/** The valid source's text with `from` replaced by `to` (to write what JSON.stringify never would). */
function sourceTextWith(from, to) {
  const text = jsonText(source(SOURCE_ID, [claim(SOURCE_ID, 'uk-arrests')]));
  if (!text.includes(from)) throw new Error(`the valid source has no ${from}`);
  return text.replace(from, to);
}

const mkfifo = (file) => execFileSync('mkfifo', [file]);

/** @type {import('./index.d.mts').HostileCase[]} */
export const hostileCases = [
  {
    name: 'valid-minimal',
    about:
      'a small valid data folder (vocabulary and one source with one claim): every tool accepts it',
    make: (dir) => dataFolder(dir),
    expect: 'accept',
  },
  {
    name: 'invalid-utf8',
    about: 'a record file with a Latin-1 byte in its quote: refused, the file and byte named',
    make: (dir) =>
      dataFolder(dir, {
        [SOURCE_FILE]: Buffer.from(
          sourceTextWith('Police made 746 arrests.', 'Police made 746 arrests \xe0 Londres.'),
          'latin1',
        ),
      }),
    expect: 'refuse',
    message: NAMES_SOURCE,
  },
  {
    name: 'lone-surrogate',
    about: 'a quote holding the escape \\ud800 (half a UTF-16 pair, no character): refused',
    make: (dir) => withClaim(dir, { quote: 'Police made 746 arrests.\ud800' }),
    expect: 'refuse',
    message: NAMES_SOURCE,
  },
  {
    name: 'nul-in-text',
    about: 'a quote holding the escape \\u0000 (NUL, which ends strings in C readers): refused',
    make: (dir) => withClaim(dir, { quote: 'Police made 746\u0000 arrests.' }),
    expect: 'refuse',
    message: NAMES_SOURCE,
  },
  {
    name: 'duplicate-key',
    about: 'a key twice in one object (JSON.parse keeps the last and loses the first): refused',
    make: (dir) =>
      dataFolder(dir, {
        [SOURCE_FILE]: sourceTextWith('"value": 746,', '"value": 746,\n      "value": 999,'),
      }),
    expect: 'refuse',
    message: NAMES_SOURCE,
  },
  {
    name: 'five-digit-year-signed',
    about: 'as_of "+10000-01-01", a year beyond four digits: refused',
    make: (dir) => withClaim(dir, { as_of: '+10000-01-01' }),
    expect: 'refuse',
    message: NAMES_SOURCE,
  },
  {
    name: 'five-digit-year',
    about: 'as_of "12020-01-01", a year beyond four digits: refused',
    make: (dir) => withClaim(dir, { as_of: '12020-01-01' }),
    expect: 'refuse',
    message: NAMES_SOURCE,
  },
  {
    name: 'circular-superseded-by',
    about:
      'two withdrawn claims whose superseded_by point at each other (no current claim): refused',
    make: (dir) => {
      const withdrawn = { date: '2021-01-01', reason: 'Corrected.' };
      return dataFolder(dir, {
        [SOURCE_FILE]: source(SOURCE_ID, [
          claim(SOURCE_ID, 'uk-arrests', {
            withdrawn,
            superseded_by: `${SOURCE_ID}/uk-arrests-2`,
          }),
          claim(SOURCE_ID, 'uk-arrests-2', {
            withdrawn,
            superseded_by: `${SOURCE_ID}/uk-arrests`,
          }),
        ]),
      });
    },
    expect: 'refuse',
    message: NAMES_SOURCE,
  },
  {
    name: 'symlink-to-file-outside',
    about:
      'a link inside data/ to a record outside it (never checked with the folder): refused, the link named',
    make: (dir) => {
      const outside = writeDataFolder(path.join(dir, 'outside'), {
        'other.json': source('other', [claim('other', 'uk-arrests')]),
      });
      const result = dataFolder(dir);
      fs.symlinkSync(
        path.join(outside, 'other.json'),
        path.join(result.data, 'sources', 'other.json'),
      );
      return result;
    },
    expect: 'refuse',
    message: /sources\/other\.json/,
  },
  {
    name: 'symlink-to-folder-outside',
    about: 'a link inside data/ to a folder outside it: refused, the link named',
    make: (dir) => {
      const outside = writeDataFolder(path.join(dir, 'outside'), {
        'other.json': source('other', [claim('other', 'uk-arrests')]),
      });
      const result = dataFolder(dir);
      fs.symlinkSync(outside, path.join(result.data, 'sources', 'more'));
      return result;
    },
    expect: 'refuse',
    message: /sources\/more/,
  },
  {
    name: 'fifo-inside-data',
    about:
      'a FIFO named like a record inside data/ (reading it blocks forever): refused without opening it',
    make: (dir) => {
      const result = dataFolder(dir);
      mkfifo(path.join(result.data, 'sources', 'pipe.json'));
      return result;
    },
    expect: 'refuse',
    message: /sources\/pipe\.json/,
  },
  {
    name: 'claims-of-zeros',
    about:
      '80 kB of zeros as the claims array (40,000 failing items): refused within seconds, the errors capped',
    make: (dir) =>
      dataFolder(dir, {
        [SOURCE_FILE]: jsonText(source(SOURCE_ID, [])).replace(
          '"claims": []',
          `"claims": [${new Array(40_000).fill('0').join(',')}]`,
        ),
      }),
    expect: 'refuse',
    message: NAMES_SOURCE,
  },
  {
    name: 'unknown-keys-100k',
    about:
      'a record with 100,000 unknown keys (under the 1 MiB limit): refused within seconds, the errors capped',
    make: (dir) => {
      const place = { id: 'many-keys', name: 'Many keys', kind: 'country', parent: 'world' };
      for (let k = 0; k < 100_000; k++) place[`x${k.toString(36)}`] = 0;
      return dataFolder(dir, { 'places/many-keys.json': JSON.stringify(place) });
    },
    expect: 'refuse',
    message: /places\/many-keys\.json/,
  },
  {
    name: 'empty-data-folder',
    about:
      'an empty folder given as the data folder (surely a mistyped path): refused, the folder named',
    make: (dir) => {
      const data = path.join(dir, 'data');
      fs.mkdirSync(data);
      return { data };
    },
    expect: 'refuse',
    message: /data/,
  },
  {
    name: 'no-collection-folders',
    about:
      'a folder of JSON files without any collection folder (not a data folder): refused, the folder named',
    make: (dir) => {
      const data = writeDataFolder(path.join(dir, 'notes'), {
        'todo.json': { id: 'todo' },
        'more/other.json': { id: 'other' },
      });
      return { data };
    },
    expect: 'refuse',
    message: /notes/,
  },
  {
    name: 'deep-nesting',
    about:
      'a record file of 100,000 nested [ (a recursive reader overflows its stack): refused, located',
    make: (dir) =>
      dataFolder(dir, { 'places/deep.json': `{"id": "deep", "name": ${'['.repeat(100_000)}` }),
    expect: 'refuse',
    message: /places\/deep\.json/,
  },
  {
    name: 'deep-nesting-balanced',
    about:
      'a record whose name is 100,000 nested arrays, valid JSON: refused by the schema, no stack overflow',
    make: (dir) =>
      dataFolder(dir, {
        'places/deep.json': `{"id": "deep", "kind": "country", "name": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
      }),
    expect: 'refuse',
    message: /places\/deep\.json/,
  },
  {
    name: 'zero-byte-file',
    about: 'a record file of 0 bytes: refused, the file named',
    make: (dir) => dataFolder(dir, { 'places/nothing.json': '' }),
    expect: 'refuse',
    message: /places\/nothing\.json/,
  },
  {
    name: 'directory-named-json',
    about: 'a folder named like a record (places/x.json/) inside data/: refused, the folder named',
    make: (dir) => {
      const result = dataFolder(dir);
      fs.mkdirSync(path.join(result.data, 'places', 'x.json'));
      return result;
    },
    expect: 'refuse',
    message: /places\/x\.json/,
  },
  {
    name: 'file-is-directory',
    about: 'a folder named x.json given as the input file: refused, the path named',
    make: (dir) => {
      const file = path.join(dir, 'x.json');
      fs.mkdirSync(file);
      return { file };
    },
    expect: 'refuse',
    message: /x\.json/,
  },
  {
    name: 'bundle-with-nul',
    about:
      'a bundle (data.json) whose claim quote holds \\u0000: refused like the same data folder',
    make: (dir) => {
      const files = validFiles();
      files[SOURCE_FILE] = source(SOURCE_ID, [
        claim(SOURCE_ID, 'uk-arrests', { quote: 'Police made 746\u0000 arrests.' }),
      ]);
      const file = path.join(dir, 'data.json');
      fs.writeFileSync(file, jsonText(bundleOf(files)));
      return { file };
    },
    expect: 'refuse',
    message: /data\.json/,
  },
  {
    name: 'bundle-valid',
    about: 'the valid data folder as a bundle (data.json): every tool accepts it',
    make: (dir) => {
      const file = path.join(dir, 'data.json');
      fs.writeFileSync(file, jsonText(bundleOf(validFiles())));
      return { file };
    },
    expect: 'accept',
  },
  {
    name: 'dev-zero',
    about: '/dev/zero as the input (endless bytes): refused before reading, the path named',
    make: () => ({ args: ['/dev/zero'] }),
    expect: 'refuse',
    message: /\/dev\/zero/,
  },
  {
    name: 'fifo-argument',
    about:
      'a FIFO as the input (opening it blocks until a writer comes): refused without opening it',
    make: (dir) => {
      const fifo = path.join(dir, 'input.json');
      mkfifo(fifo);
      return { args: [fifo] };
    },
    expect: 'refuse',
    message: /input\.json/,
  },
  {
    name: 'proc-self-mem',
    about: '/proc/self/mem as the input (a "regular" file of size 0 that cannot be read): refused',
    make: () => ({ args: ['/proc/self/mem'] }),
    expect: 'refuse',
    message: /\/proc\/self\/mem/,
  },
  {
    name: 'proc-root',
    about:
      '/proc/self/root as the input (the whole file system, /proc included, through a link): refused, not walked',
    make: () => ({ args: ['/proc/self/root'] }),
    expect: 'refuse',
    message: /\/proc\/self\/root/,
  },
  {
    name: 'missing-path',
    about: 'a path that does not exist: refused, the path named',
    make: (dir) => ({ args: [path.join(dir, 'no-such-data')] }),
    expect: 'refuse',
    message: /no-such-data/,
  },
];

/**
 * Where a tool does not (yet) do what a case expects, with the reason: the tool's runner checks that
 * it still ends cleanly and that the gap is still there (a gap that closes fails, so the list cannot
 * rot). By tool (validator, exporter, diff, build), then case name.
 * @type {Record<string, Record<string, string>>}
 */
export const knownGaps = {};

/** A bundle of the given data folder files, as the dataset build writes one (collections sorted by id). */
function bundleOf(files) {
  const bundle = { name: 'encrochat-ledger', version: '0.0.0-hostile', schema_version: '1.0' };
  for (const c of collectionNames) bundle[c] = [];
  for (const [file, record] of Object.entries(files)) bundle[file.split('/')[0]].push(record);
  for (const c of collectionNames)
    bundle[c].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return bundle;
}
