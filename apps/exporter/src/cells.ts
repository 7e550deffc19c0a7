/** Checks a cell against its column type, so every writer gets values of the declared type. */
import type { Cell, Column } from './tables.js';
import { ExportError } from './errors.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The cell of `column` in `row`, checked; throws an ExportError naming the table, row (`rowKey()`) and column. */
export function checkedCell(table: string, rowKey: () => string, column: Column, value: Cell | undefined): Cell {
  const fail = (expected: string): never => {
    throw new ExportError(`table ${table}, row ${rowKey()}, column ${column.name}: expected ${expected}, got ${JSON.stringify(value)}`);
  };
  if (value === null || value === undefined) {
    if (column.required) fail('a value (the column is required)');
    return null;
  }
  switch (column.type) {
    case 'string':
      return typeof value === 'string' ? value : fail('a string');
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? value : fail('a finite number');
    case 'integer':
      return typeof value === 'number' && Number.isSafeInteger(value) ? value : fail('an integer');
    case 'boolean':
      return typeof value === 'boolean' ? value : fail('true or false');
    case 'date':
      return typeof value === 'string' && DAY.test(value) ? value : fail('a day as YYYY-MM-DD');
    case 'list':
      return Array.isArray(value) && value.every((v) => typeof v === 'string' && v.length > 0) ? value : fail('a list of non-empty strings');
  }
}
