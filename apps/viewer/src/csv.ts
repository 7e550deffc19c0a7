/**
 * CSV of claims, in the browser: the columns of the claims table (`claimsTableFields`, the order of
 * the exporter's `claims.csv`), RFC 4180 (CRLF line ends, a header row, fields quoted when they hold
 * a comma, a quote, CR or LF, quotes doubled), UTF-8. Lists are joined with `;`, booleans are
 * `true`/`false`, an empty field is null and an empty string is `""`.
 *
 * Made for spreadsheets: a text cell starting with `=`, `+`, `-`, `@`, a tab or a CR gets a leading
 * `'` so it is shown, not run as a formula (as the exporter's `--excel-safe`). Numbers, dates and
 * booleans are never changed.
 */
import {
  claimsTableFields,
  csvField,
  formulaSafe,
  type ClaimsTableRow,
} from '@encrochat-ledger/dataset';

export { csvField, formulaSafe };

/** One cell of a claims-table column. */
export function csvCell(value: unknown, type: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Object.is(value, -0) ? '0' : String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = Array.isArray(value) ? value.join(';') : String(value);
  if (text === '') return '""';
  return csvField(type === 'string' || type === 'list' ? formulaSafe(text) : text);
}

/** The CSV of some rows of the claims table. */
export function claimsCsv(rows: Iterable<ClaimsTableRow>): string {
  const parts: string[] = [claimsTableFields.map((f) => csvField(f.name)).join(',')];
  for (const row of rows) {
    let line = '';
    for (let i = 0; i < claimsTableFields.length; i++) {
      const field = claimsTableFields[i]!;
      line += (i ? ',' : '') + csvCell(row[field.name], field.type);
    }
    parts.push(line);
  }
  return `${parts.join('\r\n')}\r\n`;
}
