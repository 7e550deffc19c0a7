/**
 * The CSV rules shared by the exporter's files and the viewer's "CSV of this view": one field as
 * RFC 4180 wants it, and the escape that keeps spreadsheets from running text as a formula.
 */
const NEEDS_QUOTES = /[",\r\n]/;
const FORMULA_START = /^[=+\-@\t\r]/;

/** One field, quoted (with doubled quotes) when RFC 4180 requires it. */
export function csvField(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Prefixes text a spreadsheet would run as a formula (= + - @ tab CR) with `'`. */
export function formulaSafe(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
