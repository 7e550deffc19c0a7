/**
 * What can be wrong with a data file itself, before its records are looked at: not a regular file
 * (a link, a FIFO), empty, a byte order mark, bytes that are not UTF-8, too large, not JSON, a key
 * twice in one object, a NUL or a lone surrogate in a string (text-characters.ts), outside any
 * collection folder. Each check says where and how to fix it. The validator reports each as a rule
 * with its code (FILE001–FILE006, JSON001–JSON003); the dataset build and the diff refuse a file any
 * of them finds, so every tool refuses the same files.
 */
import { collectionNames } from './collections.js';
import type { DataFile } from './data-files.js';
import { keptEveryMember } from './duplicate-keys.js';
import type { ParsedFile } from './read-file.js';
import { isBundle } from './records.js';
import { badCharacters } from './text-characters.js';
import { firstInvalidUtf8 } from './utf8.js';

/** A problem of one file, before its position is resolved from its pointer (when it has no line). */
export interface FileIssue {
  file: DataFile;
  /** JSON Pointer into the file ('' for the whole document). */
  pointer: string;
  message: string;
  hint: string;
  /** Position in the file, when the check knows it better than the pointer does. */
  line?: number;
  column?: number;
}

export type FileCheck = (file: DataFile, read: ParsedFile) => FileIssue[];

/** Largest record file accepted (a source with hundreds of claims stays far below it). */
export const MAX_RECORD_BYTES = 1024 * 1024;

/**
 * The entry is a regular file: a link, a FIFO, a socket, a device or a folder named like a record
 * inside a data folder is reported, never opened (see data-files.ts).
 */
export const notRegularFile: FileCheck = (file) => {
  const what = file.special;
  if (what === undefined) return [];
  const [why, hint] = what.startsWith('a symbolic link')
    ? [
        'links are not followed, so what it points to is not read or checked with this folder',
        'put the file itself here instead of a link (a copy), or remove the link',
      ]
    : what.startsWith('a folder')
      ? [
          'records are files, data/<collection>/<id>.json',
          'rename the folder (without .json), or remove it',
        ]
      : [
          'it is not opened (reading it could block or never end)',
          'remove it: records are regular files, data/<collection>/<id>.json',
        ];
  return [
    { file, pointer: '', line: 1, column: 1, message: `${what}, not a record file: ${why}`, hint },
  ];
};

/** The file is not empty (or only white space). */
export const emptyFile: FileCheck = (file, { text }) => {
  if (file.special !== undefined) return [];
  if (file.bytes.length === 0 || (text !== null && text.trim() === ''))
    return [
      {
        file,
        pointer: '',
        message: 'the file is empty; expected one JSON record',
        hint: 'write the record, or delete the file (withdraw a released record instead of deleting it)',
      },
    ];
  return [];
};

/** No byte order mark (it is invisible, and some JSON readers reject it). */
export const byteOrderMark: FileCheck = (file) => {
  const b = file.bytes;
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf)
    return [
      {
        file,
        pointer: '',
        line: 1,
        column: 1,
        message: 'the file starts with a UTF-8 byte order mark (EF BB BF)',
        hint: 'save the file as UTF-8 without BOM',
      },
    ];
  return [];
};

/** The bytes are UTF-8; the first bad byte is located. */
export const invalidUtf8: FileCheck = (file, { text }) => {
  if (text !== null) return [];
  const lo = firstInvalidUtf8(file.bytes);
  const before = file.bytes.subarray(0, lo).toString('latin1');
  const line = before.split('\n').length;
  const column = lo - before.lastIndexOf('\n');
  return [
    {
      file,
      pointer: '',
      line,
      column,
      message: `invalid UTF-8 at byte ${lo} (line ${line})`,
      hint: 're-save the file as UTF-8 (it may have been written as Latin-1 or Windows-1252)',
    },
  ];
};

/** A record file is at most 1 MiB (bundles, which hold the whole dataset, are exempt). */
export const oversizedFile: FileCheck = (file) => {
  if (file.bytes.length <= MAX_RECORD_BYTES || file.collection === null) return [];
  return [
    {
      file,
      pointer: '',
      message: `the file has ${file.bytes.length} bytes; a record file may have at most ${MAX_RECORD_BYTES}`,
      hint: 'split the source, or shorten quotes and notes (quotes are one sentence or less)',
    },
  ];
};

/** The text is JSON; the syntax error is located to its line and column. */
export const invalidJson: FileCheck = (file, read) => {
  if (read.parsed || read.text === null || read.text.trim() === '') return [];
  const error = read.locate().syntaxError;
  const where = error
    ? `line ${error.position.line}, column ${error.position.column}`
    : 'unknown position';
  return [
    {
      file,
      pointer: '',
      message: `invalid JSON at ${where}: ${error?.message ?? 'the JSON parser rejected the file'}`,
      hint: 'fix the syntax there (a missing comma, quote or bracket, or a trailing comma); an editor with JSON support shows it',
      ...(error ? { line: error.position.line, column: error.position.column } : {}),
    },
  ];
};

/**
 * No key twice in one object: JSON.parse silently keeps the last value, so the first is lost data.
 * A cheap count flags the file; the locating reader then finds each repeat.
 */
export const duplicateKeys: FileCheck = (file, read) => {
  if (!read.parsed || read.text === null) return [];
  if (keptEveryMember(read.text, read.value)) return [];
  return read.locate().duplicates.map((d) => ({
    file,
    pointer: d.pointer,
    line: d.second.line,
    column: d.second.column,
    message: `key "${d.key}" appears twice in the same object (first at line ${d.first.line}, column ${d.first.column}); a JSON reader keeps only the last one`,
    hint: 'merge the two entries into one key, or rename one of them',
  }));
};

/** A record file lives in a collection folder (data/<collection>/<id>.json), or is a bundle. */
export const unknownCollection: FileCheck = (file, read) => {
  if (!read.parsed || file.collection !== null || isBundle(read.value)) return [];
  return [
    {
      file,
      pointer: '',
      message: `cannot tell which collection this file belongs to: its folder is not one of ${collectionNames.join(', ')}`,
      hint: 'move it to data/<collection>/<id>.json',
    },
  ];
};

/** Every check, in the order the validator runs them. */
export const fileChecks: readonly FileCheck[] = [
  notRegularFile,
  emptyFile,
  byteOrderMark,
  invalidUtf8,
  oversizedFile,
  invalidJson,
  duplicateKeys,
  badCharacters,
  unknownCollection,
];
