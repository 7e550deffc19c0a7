/**
 * CSV as RFC 4180: UTF-8 without BOM, CRLF line ends, a header row, fields quoted with `"` when they
 * hold a comma, a quote, CR or LF (quotes doubled). Empty field = null; an empty string is written
 * `""`. Lists are joined with `;` (the Table Schema declares the delimiter); booleans are
 * `true`/`false`; numbers are written in JavaScript's shortest round-trip form; dates as YYYY-MM-DD.
 *
 * `--excel-safe`: a text cell (string or list) starting with `=`, `+`, `-`, `@`, a tab or a CR is
 * prefixed with `'`, so spreadsheets show it instead of running it as a formula (OWASP "CSV
 * injection"). Numbers, dates and booleans are never changed.
 */
import { csvField, formulaSafe } from '@encrochat-ledger/dataset';
import { checkedCell } from './cells.js';
import { ExportError } from './errors.js';
import { BufferedFileWriter } from './file-writer.js';
import type { Cell, Column, Row, Table } from './tables.js';

export const CSV_DIALECT = { header: true, delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true } as const;
export const LIST_DELIMITER = ';';
/** One field, quoted when RFC 4180 requires it; and the spreadsheet-formula escape (shared with the viewer). */
export { csvField, formulaSafe as excelSafe };

/** The CSV field of a checked cell. `where` names the cell in an error message. */
export function formatCell(value: Cell, column: Column, options: { excelSafe: boolean }, where: () => string = () => ''): string {
  if (value === null) return '';
  let text: string;
  if (typeof value === 'string') {
    text = value;
  } else if (typeof value === 'number') {
    return Object.is(value, -0) ? '0' : String(value);
  } else if (typeof value === 'boolean') {
    return value ? 'true' : 'false';
  } else {
    for (const item of value)
      if (item.includes(LIST_DELIMITER))
        throw new ExportError(`${where()}column ${column.name}: list item ${JSON.stringify(item)} contains the list delimiter "${LIST_DELIMITER}"`);
    text = value.join(LIST_DELIMITER);
  }
  if (text === '') return '""';
  if (options.excelSafe && (column.type === 'string' || column.type === 'list')) text = formulaSafe(text);
  return csvField(text);
}

/** The header line. */
export function csvHeader(columns: readonly Column[]): string {
  return `${columns.map((c) => csvField(c.name)).join(',')}\r\n`;
}

/** The key of a row, for error messages. */
export const rowKey = (table: Table, row: Row): string => table.primaryKey.map((k) => String(row[k])).join('|');

/** One record line. */
export function csvLine(table: Table, row: Row, options: { excelSafe: boolean }): string {
  const key = () => rowKey(table, row);
  const where = () => `table ${table.name}, row ${key()}, `;
  let line = '';
  const columns = table.columns;
  for (let i = 0; i < columns.length; i++) {
    const column = columns[i]!;
    const cell = checkedCell(table.name, key, column, row[column.name]);
    line += i === 0 ? formatCell(cell, column, options, where) : `,${formatCell(cell, column, options, where)}`;
  }
  return `${line}\r\n`;
}

/** A CSV file being written row by row, hashed on the way. */
export class CsvFile {
  rows = 0;
  private constructor(
    private readonly out: BufferedFileWriter,
    private readonly table: Table,
    private readonly options: { excelSafe: boolean },
  ) {}

  /** Creates `file` and writes the header. */
  static async create(file: string, table: Table, options: { excelSafe: boolean }, { hash = true }: { hash?: boolean } = {}): Promise<CsvFile> {
    const out = await BufferedFileWriter.create(file, { hash });
    await out.write(csvHeader(table.columns));
    return new CsvFile(out, table, options);
  }

  /** Appends the line of a row; a returned promise must be awaited before the next call. */
  add(row: Row): Promise<void> | undefined {
    this.rows++;
    return this.out.write(csvLine(this.table, row, this.options));
  }

  /** Closes the file (fsync unless `sync` is false); returns its size and SHA-256. */
  close(options?: { sync?: boolean }): Promise<{ bytes: number; sha256: string | null }> {
    return this.out.close(options);
  }

  /** Closes after a failure, ignoring errors. */
  async discard(): Promise<void> {
    try {
      await this.out.close({ sync: false });
    } catch {
      // Best effort: the folder is removed anyway.
    }
  }
}

/** Streams a table to a CSV file. */
export async function writeCsv(file: string, table: Table, options: { excelSafe: boolean }): Promise<number> {
  const csv = await CsvFile.create(file, table, options, { hash: false });
  try {
    for (const row of table.rows()) {
      const pending = csv.add(row);
      if (pending) await pending;
    }
  } catch (error) {
    await csv.discard();
    throw error;
  }
  await csv.close();
  return csv.rows;
}
