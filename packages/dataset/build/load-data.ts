import fs from 'node:fs';
import path from 'node:path';
import { collections, type CollectionName } from './validator.js';
import { dataDir } from './paths.js';

export interface LoadedRecord {
  collection: CollectionName;
  /** Path relative to the repository root, with forward slashes. */
  file: string;
  record: Record<string, unknown>;
}

export interface Problem {
  file: string;
  /** JSON Pointer into the file ('' for the whole document). */
  pointer: string;
  message: string;
  hint?: string;
}

export class DataError extends Error {
  constructor(readonly problems: Problem[]) {
    super(formatProblems(problems));
    this.name = 'DataError';
  }
}

export function formatProblems(problems: Problem[]): string {
  return problems
    .map((p) => `${p.file}${p.pointer ? ` at ${p.pointer}` : ''}: ${p.message}${p.hint ? `\n    hint: ${p.hint}` : ''}`)
    .join('\n');
}

/** Line and column (1-based) of a character offset. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** Parses one data file, turning a syntax error into a Problem with line and column. */
export function parseDataFile(text: string, file: string): { value?: unknown; problem?: Problem } {
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    const message = (error as Error).message;
    const at = /position (\d+)/.exec(message);
    const where = at ? lineColumn(text, Number(at[1])) : undefined;
    return {
      problem: {
        file,
        pointer: '',
        message: `invalid JSON${where ? ` at line ${where.line}, column ${where.column}` : ''}: ${message}`,
        hint: 'fix the syntax (a missing comma or quote, a trailing comma) and run the build again',
      },
    };
  }
}

/** Reads every record of every collection under `root` (default: data/), in a stable order. */
export function loadData(root = dataDir): LoadedRecord[] {
  const records: LoadedRecord[] = [];
  const problems: Problem[] = [];
  for (const { name } of collections) {
    const dir = path.join(root, name);
    if (!fs.existsSync(dir)) continue;
    for (const entry of fs.readdirSync(dir).sort()) {
      if (!entry.endsWith('.json')) continue;
      const file = path.relative(path.dirname(root), path.join(dir, entry)).split(path.sep).join('/');
      const { value, problem } = parseDataFile(fs.readFileSync(path.join(dir, entry), 'utf8'), file);
      if (problem) problems.push(problem);
      else if (typeof value !== 'object' || value === null || Array.isArray(value))
        problems.push({ file, pointer: '', message: 'expected a JSON object (one record per file)' });
      else records.push({ collection: name, file, record: value as Record<string, unknown> });
    }
  }
  if (problems.length) throw new DataError(problems);
  return records;
}
