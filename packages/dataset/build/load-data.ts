/**
 * The build's reading of data/: @encrochat-ledger/core's reader, the one the validator and the diff
 * use, so the build refuses the files they refuse (empty, not UTF-8, a byte order mark, invalid JSON,
 * a key twice, too large, outside a collection folder, not one record), each problem located.
 */
import path from 'node:path';
import { formatProblems, readData, type DataReading, type Problem } from '@encrochat-ledger/core';
import { dataDir } from './paths.js';

export class DataError extends Error {
  constructor(readonly problems: Problem[]) {
    super(formatProblems(problems));
    this.name = 'DataError';
  }
}

/** Reads every record under `root` (default: data/), file paths shown from its parent; throws a DataError for any problem of a file. */
export function loadData(root = dataDir): DataReading {
  const reading = readData([root], path.dirname(root));
  if (reading.problems.length) throw new DataError(reading.problems);
  return reading;
}
