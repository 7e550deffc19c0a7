/**
 * The build's reading of data/: @encrochat-ledger/core's reader, the one the validator and the diff
 * use, so the build refuses the files they refuse (empty, not UTF-8, a byte order mark, invalid JSON,
 * a key twice, too large, outside a collection folder, not one record), each problem located.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  EXCEPTIONS_FILE,
  formatProblems,
  readData,
  UsageError,
  type DataReading,
  type Problem,
} from '@encrochat-ledger/core';
import { dataDir } from './paths.js';

export class DataError extends Error {
  constructor(readonly problems: Problem[]) {
    super(formatProblems(problems));
    this.name = 'DataError';
  }
}

/** Throws a UsageError when `root` does not exist: a mistyped --data is not an empty dataset. */
export function checkDataRoot(root: string): void {
  if (!fs.existsSync(root))
    throw new UsageError(
      `--data ${root}: no such folder; give the data folder (one folder per collection: sources/, places/, …) or a bundle`,
    );
}

/**
 * Reads every record under `root` (default: data/), file paths shown from its parent; throws a
 * DataError for any problem of a file, and when there is no record at all (surely a mistyped path).
 */
export function loadData(root = dataDir): DataReading {
  const reading = readData([root], path.dirname(root));
  if (reading.problems.length) throw new DataError(reading.problems);
  if (!reading.records.length)
    throw new DataError([
      {
        file: root,
        pointer: '',
        line: 1,
        column: 1,
        message: 'no record found: the folder holds no JSON file in a collection folder',
        hint: 'give the data folder: one folder per collection (sources/, places/, …), one JSON file per record',
      },
    ]);
  return reading;
}

/**
 * The validator's exceptions file at the top of the data folder, which the build ships beside the
 * bundle: its path, or null when there is none. Anything but a regular file there (a link, a FIFO,
 * which would block the read forever, a folder) is refused.
 */
export function exceptionsFileOf(root: string): string | null {
  const file = path.join(root, EXCEPTIONS_FILE);
  let stat: fs.Stats | undefined;
  try {
    stat = fs.lstatSync(file, { throwIfNoEntry: false });
  } catch {
    return null; // `root` is a bundle file, not a folder
  }
  if (!stat) return null;
  if (stat.isFile()) return file;
  throw new DataError([
    {
      file,
      pointer: '',
      line: 1,
      column: 1,
      message: 'the exceptions file is not a regular file (a symbolic link, a FIFO or a folder)',
      hint: `make ${EXCEPTIONS_FILE} a plain JSON file, or remove it`,
    },
  ]);
}
