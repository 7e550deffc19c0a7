import edtf, { parse } from 'edtf';

/** EDTF levels accepted in the dataset: 0 (ISO 8601) and 1 (uncertain/approximate, unspecified digits, intervals). */
const LEVEL = 1;

/**
 * Parsing EDTF (a full grammar) is the costly step of a run, and datasets repeat the same few
 * hundred dates: results are memoised per string.
 */
const memo = new Map<string, DateBounds | null>();

function boundsOrNull(value: string): DateBounds | null {
  let result = memo.get(value);
  if (result !== undefined || memo.has(value)) return result ?? null;
  try {
    // One parse: the level-limited parse result builds the date object directly.
    const parsed = edtf(parse(value, { level: LEVEL }));
    result = { start: day(parsed.min), end: day(parsed.max) };
  } catch {
    result = null;
  }
  if (memo.size > 100_000) memo.clear();
  memo.set(value, result);
  return result;
}

/** Whether `value` is valid EDTF of level 0 or 1, checked by the edtf parser. */
export function isValidEdtf(value: string): boolean {
  return boundsOrNull(value) !== null;
}

export interface DateBounds {
  start: string | null;
  end: string | null;
}

const day = (ms: number) => (Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 10) : null);

/** The calendar days an EDTF value covers (`2020-07` → 2020-07-01..2020-07-31); null ends are open. Throws on invalid EDTF. */
export function edtfBounds(value: string): DateBounds {
  const bounds = boundsOrNull(value);
  if (!bounds) throw new Error(`invalid EDTF date: ${JSON.stringify(value)}`);
  return { ...bounds };
}

/** Like edtfBounds, but null for invalid EDTF (the schema rule reports those). */
export function safeBounds(value: unknown): DateBounds | null {
  return typeof value === 'string' ? boundsOrNull(value) : null;
}
