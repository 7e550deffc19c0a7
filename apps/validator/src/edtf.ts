import edtf, { parse } from 'edtf';

/** EDTF levels accepted in the dataset: 0 (ISO 8601) and 1 (uncertain/approximate, unspecified digits, intervals). */
const LEVEL = 1;

/** Whether `value` is valid EDTF of level 0 or 1, checked by the edtf parser. */
export function isValidEdtf(value: string): boolean {
  try {
    parse(value, { level: LEVEL });
    return true;
  } catch {
    return false;
  }
}

export interface DateBounds {
  start: string | null;
  end: string | null;
}

const day = (ms: number) => (Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 10) : null);

/** The calendar days an EDTF value covers (`2020-07` → 2020-07-01..2020-07-31); null ends are open. Throws on invalid EDTF. */
export function edtfBounds(value: string): DateBounds {
  parse(value, { level: LEVEL });
  const parsed = edtf(value);
  return { start: day(parsed.min), end: day(parsed.max) };
}

/** Like edtfBounds, but null for invalid EDTF (the schema rule reports those). */
export function safeBounds(value: unknown): DateBounds | null {
  if (typeof value !== 'string') return null;
  try {
    return edtfBounds(value);
  } catch {
    return null;
  }
}
