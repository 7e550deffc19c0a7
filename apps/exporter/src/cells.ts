/**
 * One cell of a CSV line: checked against its column's type, so every writer gets values of the
 * declared type, and formatted (see csv.ts for the rules). One function per column, specialised to
 * its type and options: the CSV writer calls it for every cell of every row.
 */
import { csvField, formulaSafe } from '@encrochat-ledger/dataset';
import type { Cell, Column } from './table-model.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
export const LIST_DELIMITER = ';';

/** A cell that does not fit its column; the writer adds the table and row to the message. */
export class CellError extends Error {}

/** The function that checks and formats the cells of `column`; it throws a CellError naming the column. */
export function cellFormatter(
  column: Column,
  options: { excelSafe: boolean },
): (value: Cell | undefined) => string {
  const fail = (expected: string, value: Cell | undefined): never => {
    throw new CellError(
      `column ${column.name}: expected ${expected}, got ${JSON.stringify(value)}`,
    );
  };
  const missing = column.required
    ? (value: Cell | undefined) => fail('a value (the column is required)', value)
    : () => '';
  const escape = options.excelSafe && (column.type === 'string' || column.type === 'list');
  const text = (t: string) => (t === '' ? '""' : csvField(escape ? formulaSafe(t) : t));
  const number = (n: number) => (Object.is(n, -0) ? '0' : String(n));
  switch (column.type) {
    case 'string':
      return (v) =>
        v === null || v === undefined
          ? missing(v)
          : typeof v === 'string'
            ? text(v)
            : fail('a string', v);
    case 'number':
      return (v) =>
        v === null || v === undefined
          ? missing(v)
          : typeof v === 'number' && Number.isFinite(v)
            ? number(v)
            : fail('a finite number', v);
    case 'integer':
      return (v) =>
        v === null || v === undefined
          ? missing(v)
          : typeof v === 'number' && Number.isSafeInteger(v)
            ? number(v)
            : fail('an integer', v);
    case 'boolean':
      return (v) =>
        v === null || v === undefined
          ? missing(v)
          : typeof v === 'boolean'
            ? v
              ? 'true'
              : 'false'
            : fail('true or false', v);
    case 'date':
      // A day never needs quoting.
      return (v) =>
        v === null || v === undefined
          ? missing(v)
          : typeof v === 'string' && DAY.test(v)
            ? v
            : fail('a day as YYYY-MM-DD', v);
    case 'list':
      return (v) => {
        if (v === null || v === undefined) return missing(v);
        if (!Array.isArray(v) || !v.every((item) => typeof item === 'string' && item.length > 0))
          return fail('a list of non-empty strings', v);
        for (const item of v as readonly string[])
          if (item.includes(LIST_DELIMITER))
            throw new CellError(
              `column ${column.name}: list item ${JSON.stringify(item)} contains the list delimiter "${LIST_DELIMITER}"`,
            );
        return text(v.join(LIST_DELIMITER));
      };
  }
}
