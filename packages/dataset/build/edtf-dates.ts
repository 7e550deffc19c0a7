import edtf, { parse } from 'edtf';

/** EDTF levels accepted in the dataset: 0 (ISO 8601 dates) and 1 (uncertain, approximate, unspecified digits, intervals). */
const LEVEL = 1;

/** Whether `value` is a valid EDTF string of level 0 or 1, checked by the edtf parser. */
export function isValidEdtf(value: string): boolean {
  try {
    parse(value, { level: LEVEL });
    return true;
  } catch {
    return false;
  }
}

export interface DateBounds {
  /** First calendar day covered (ISO 8601), or null for an open start. */
  start: string | null;
  /** Last calendar day covered (ISO 8601), or null for an open end. */
  end: string | null;
}

function isoDay(ms: number): string | null {
  if (!Number.isFinite(ms)) return null;
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * The calendar days an EDTF value covers: `2020-07` gives 2020-07-01..2020-07-31,
 * `2020-04-01/2021-03-31` its ends, `2020-04/..` an open end. Uncertainty markers
 * (`~`, `?`) do not move the bounds. Throws on invalid EDTF.
 */
export function edtfBounds(value: string): DateBounds {
  parse(value, { level: LEVEL });
  const parsed = edtf(value);
  return { start: isoDay(parsed.min), end: isoDay(parsed.max) };
}
