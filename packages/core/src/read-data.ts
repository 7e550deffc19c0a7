/**
 * The one reader of data: a data folder (or some of its files) or a built bundle, into records, with
 * every problem of the files themselves found and located (see file-checks.ts). The dataset build,
 * the diff and the synthetic data generator read data with it; the validator runs the same checks
 * as rules, one code each, over the same files.
 */
import { collectInputs, dropBytes, type DataFile, type Inputs } from './data-files.js';
import { fileChecks, type FileIssue } from './file-checks.js';
import { positionsByFile } from './positions.js';
import type { Problem } from './problem.js';
import { ReadFile, type ParsedFile } from './read-file.js';
import { recordsOf, type RecordEntry } from './records.js';

/** A problem found in a record (by a schema, say): its pointer is relative to the record. */
export interface RecordIssue {
  entry: RecordEntry;
  pointer: string;
  message: string;
  hint: string;
}

export interface DataReading extends Inputs {
  /** The records of every file that holds records, in file order. */
  records: RecordEntry[];
  /** How each file was read: its parsed value (its text is decoded again from the file when a problem needs it). */
  read: ReadonlyMap<DataFile, ParsedFile>;
  /** The problems of the files asked for: empty, encoding, size, syntax, duplicate keys, collection, not one record. */
  problems: Problem[];
  /** Locates problems found in records, like the files' own. */
  locate(issues: readonly RecordIssue[]): Problem[];
}

/** Reads the files of `inputs` once each, without keeping their texts. */
export function readInputs({ files, roots }: Inputs): DataReading {
  const read = new Map<DataFile, ReadFile>();
  const records: RecordEntry[] = [];
  const issues: FileIssue[] = [];
  for (const file of files) {
    const parsedFile = ReadFile.read(file);
    read.set(file, parsedFile);
    for (const check of fileChecks) issues.push(...check(file, parsedFile));
    parsedFile.release();
    dropBytes(file);
    if (!parsedFile.parsed) continue;
    const found = recordsOf(file, parsedFile.value);
    if (!Array.isArray(found)) issues.push(found);
    else for (const record of found) records.push(record);
  }
  const located = (list: readonly FileIssue[]): Problem[] => {
    const positions = positionsByFile(
      list.filter((i) => i.line === undefined),
      read,
    );
    return list.map(({ file, pointer, message, hint, line, column }) => {
      const at =
        line !== undefined
          ? { line, column: column ?? 1 }
          : (positions.get(file)?.(pointer) ?? { line: 1, column: 1 });
      return { file: file.display, pointer, line: at.line, column: at.column, message, hint };
    });
  };
  return {
    files,
    roots,
    records,
    read,
    problems: located(issues.filter((i) => i.file.reported)),
    locate: (found) =>
      located(
        found.map(({ entry, pointer, message, hint }) => ({
          file: entry.file,
          pointer: `${entry.base}${pointer}`,
          message,
          hint,
        })),
      ),
  };
}

/**
 * Reads data folders, files or bundles (default: `data`), with file paths shown relative to `cwd`.
 * The files' bytes are read one at a time and not kept.
 */
export function readData(targets: readonly string[], cwd = process.cwd()): DataReading {
  return readInputs(collectInputs(targets, cwd, { keepBytes: false }));
}
