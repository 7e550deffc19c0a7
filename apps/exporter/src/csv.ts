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
import { CellError, cellFormatter, LIST_DELIMITER } from './cells.js';
import { ExportError } from './errors.js';
import { BufferedFileWriter } from './file-writer.js';
import type { Cell, Column, Row, Table } from './tables.js';

export const CSV_DIALECT = {
  header: true,
  delimiter: ',',
  lineTerminator: '\r\n',
  quoteChar: '"',
  doubleQuote: true,
} as const;
export { LIST_DELIMITER };
/** One field, quoted when RFC 4180 requires it; and the spreadsheet-formula escape (shared with the viewer). */
export { csvField, formulaSafe as excelSafe };

/** The CSV field of a cell of `column`; a cell that does not fit the column throws (see cellFormatter). */
export function formatCell(value: Cell, column: Column, options: { excelSafe: boolean }): string {
  try {
    return cellFormatter(column, options)(value);
  } catch (error) {
    throw error instanceof CellError ? new ExportError(error.message) : error;
  }
}

/** The header line. */
export function csvHeader(columns: readonly Column[]): string {
  return `${columns.map((c) => csvField(c.name)).join(',')}\r\n`;
}

/** The key of a row, for error messages. */
export const rowKey = (table: Table, row: Row): string =>
  table.primaryKey.map((k) => String(row[k])).join('|');

/** The function that turns a row of `table` into its record line. */
export type LineFormatter = (row: Row) => string;

const formatters = new WeakMap<Table, { plain?: LineFormatter; excelSafe?: LineFormatter }>();

/**
 * The line formatter of `table`: one function generated per table and options, which reads each
 * column by its name (`row["claim_id"]`) and checks and formats it (cellFormatter). Named
 * reads of rows of one shape are fast; a loop of `row[column.name]` over 35 columns was a third of
 * the CSV writing time. A cell that does not fit its column throws an ExportError naming the
 * table, the row (its primary key) and the column.
 */
export function lineFormatter(table: Table, options: { excelSafe: boolean }): LineFormatter {
  const kind = options.excelSafe ? 'excelSafe' : 'plain';
  let known = formatters.get(table);
  if (!known) formatters.set(table, (known = {}));
  return (known[kind] ??= generateFormatter(table, { excelSafe: options.excelSafe }));
}

function generateFormatter(table: Table, options: { excelSafe: boolean }): LineFormatter {
  const cells = table.columns.map((column) => cellFormatter(column, options));
  const fields = table.columns
    .map((column, i) => `cells[${i}](row[${JSON.stringify(column.name)}])`)
    .join(" + ',' + ");
  const line = new Function('cells', `return (row) => ${fields} + '\\r\\n';`)(
    cells,
  ) as LineFormatter;
  return (row) => {
    try {
      return line(row);
    } catch (error) {
      if (error instanceof CellError)
        throw new ExportError(`table ${table.name}, row ${rowKey(table, row)}, ${error.message}`);
      throw error;
    }
  };
}

/** One record line. */
export function csvLine(table: Table, row: Row, options: { excelSafe: boolean }): string {
  return lineFormatter(table, options)(row);
}

/**
 * Writes the record line of every row of `table` to `csv` (with --excel-safe when `excelSafe`) and
 * to `plain` (never --excel-safe: the CSV DuckDB reads); either may be null. A line is formatted
 * once when both get the same text. Returns the number of rows. The one row loop of every writer.
 */
export async function writeLines(
  table: Table,
  csv: BufferedFileWriter | null,
  plain: BufferedFileWriter | null,
  excelSafe: boolean,
): Promise<number> {
  const csvLine = lineFormatter(table, { excelSafe });
  const plainLine = lineFormatter(table, { excelSafe: false });
  let rows = 0;
  for (const row of table.rows()) {
    let pending: Promise<void> | undefined;
    let plainPending: Promise<void> | undefined;
    if (csv) {
      const line = csvLine(row);
      pending = csv.write(line);
      if (plain) plainPending = plain.write(excelSafe ? plainLine(row) : line);
    } else if (plain) {
      plainPending = plain.write(plainLine(row));
    }
    if (pending && plainPending) await Promise.all([pending, plainPending]);
    else if (pending ?? plainPending) await (pending ?? plainPending);
    rows++;
  }
  return rows;
}

/** Streams a table to a CSV file; returns the number of rows. */
export async function writeCsv(
  file: string,
  table: Table,
  options: { excelSafe: boolean },
): Promise<number> {
  const out = await BufferedFileWriter.create(file);
  try {
    await out.write(csvHeader(table.columns));
    const rows = await writeLines(table, out, null, options.excelSafe);
    await out.close();
    return rows;
  } catch (error) {
    await out.discard();
    throw error;
  }
}
