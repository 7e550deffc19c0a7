/**
 * Rows put aside until their table is written. The series pass finds the rows of the conflicts and
 * latest tables long before those tables are written (at 1,000,000 claims: 118,000 conflicts rows
 * and 247,000 latest rows of 50 columns, about 200 MB of heap, held while the figures were still
 * there): an export puts them in a file of JSON lines in its staging folder, and reads them back
 * when their table is written; elsewhere (a library user's `buildTables`) they stay in memory.
 *
 * JSON gives back the very cells: strings (NUL and lone surrogates escaped), finite numbers,
 * booleans, null and lists of strings, which are all a row holds.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Row } from './table-model.js';

/** Bytes per write and per read. */
const CHUNK = 64 << 10;

export interface RowStore {
  /** Adds a row (before `rows` is first called). */
  add(row: Row): void;
  /** The rows added, in order; may be iterated again. */
  rows(): Iterable<Row>;
  /** Frees the rows (removes the file). */
  release(): void;
}

/** Where a table's rows are put aside: a store per name (see `rowStoreIn`, `rowStoreInMemory`). */
export type RowStores = (name: string) => RowStore;

export const rowStoreInMemory: RowStores = () => {
  let rows: Row[] = [];
  return {
    add: (row) => void rows.push(row),
    rows: () => rows,
    release: () => void (rows = []),
  };
};

/** Stores whose rows go to `<dir>/<name>.rows.jsonl` (the folder is made when first needed). */
export function rowStoreIn(dir: string): RowStores {
  return (name) => new FileRowStore(path.join(dir, `${name}.rows.jsonl`));
}

class FileRowStore implements RowStore {
  private fd: number | null = null;
  private pending: string[] = [];
  private pendingLength = 0;

  constructor(private readonly file: string) {}

  add(row: Row): void {
    const line = `${JSON.stringify(row)}\n`;
    this.pending.push(line);
    this.pendingLength += line.length;
    if (this.pendingLength >= CHUNK) this.flush();
  }

  private flush(): void {
    if (this.fd === null) {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      this.fd = fs.openSync(this.file, 'wx');
    }
    if (this.pending.length) fs.writeSync(this.fd, this.pending.join(''));
    this.pending = [];
    this.pendingLength = 0;
  }

  *rows(): Generator<Row> {
    this.flush();
    const fd = fs.openSync(this.file, 'r');
    try {
      let buffer = Buffer.allocUnsafe(CHUNK);
      let length = 0;
      for (;;) {
        if (length === buffer.length) {
          // A line longer than the buffer: a larger one.
          const larger = Buffer.allocUnsafe(buffer.length * 2);
          buffer.copy(larger, 0, 0, length);
          buffer = larger;
        }
        const n = fs.readSync(fd, buffer, length, buffer.length - length, null);
        if (n === 0) break;
        length += n;
        // Whole lines only: a character's bytes may straddle two reads.
        let start = 0;
        for (;;) {
          const end = buffer.indexOf(0x0a, start);
          if (end === -1 || end >= length) break;
          yield JSON.parse(buffer.toString('utf8', start, end)) as Row;
          start = end + 1;
        }
        buffer.copy(buffer, 0, start, length);
        length -= start;
      }
    } finally {
      fs.closeSync(fd);
    }
  }

  release(): void {
    if (this.fd !== null) fs.closeSync(this.fd);
    this.fd = null;
    this.pending = [];
    fs.rmSync(this.file, { force: true });
  }
}
