/**
 * Data as every tool reads it: with @encrochat-ledger/core's reader and checks (`readData`, then
 * `recordIssues`), the reader and checks of the dataset build. A data folder (--data) is read so;
 * a bundle (--dataset) is read so when its streamed checks find a problem (see bundle-checks.ts).
 * What they find is refused in one line: the first problem where the validator reports it, and how
 * many others there are.
 */
import {
  firstProblemLine,
  readData,
  recordIssues,
  UsageError as CoreUsageError,
  type DataReading,
} from '@encrochat-ledger/core';
import { UsageError } from './errors.js';

/** Reads `target`, given with `option`, and refuses it (a UsageError) when a file or a record has a problem. */
export function readCheckedData(option: '--data' | '--dataset', target: string): DataReading {
  let reading: DataReading;
  try {
    reading = readData([target]);
  } catch (error) {
    if (error instanceof CoreUsageError) throw new UsageError(`${option}: ${error.message}`);
    throw error;
  }
  const problems = reading.problems.length
    ? reading.problems
    : reading.locate(recordIssues(reading.records));
  if (problems.length)
    throw new UsageError(
      `${option} ${target} cannot be exported: ${firstProblemLine(problems)}; encrochat-ledger-validate lists every problem`,
    );
  return reading;
}
