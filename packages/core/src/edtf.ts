import edtf, { parse } from 'edtf';

/** EDTF levels accepted in the dataset: 0 (ISO 8601) and 1 (uncertain/approximate, unspecified digits, intervals). */
const LEVEL = 1;

/**
 * Parsing EDTF (a full grammar) is the costly step of a run, and datasets repeat the same few
 * hundred dates: results are memoised per string.
 */
const memo = new Map<string, DateBounds | null>();

/** `2020-07-02T13:41:00` (with or without an offset) → `2020-07-02`, on each side of an interval. */
const TIME_OF_DAY = /T\d{2}(?::\d{2}(?::\d{2}(?:\.\d+)?)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?$/;

/**
 * A date-time counts as the calendar day written in it, in any time zone: the edtf parser reads a
 * date-time without an offset in the machine's local time, which would move days between machines.
 */
export function withoutTimeOfDay(value: string): string {
  return value
    .split('/')
    .map((side) => side.replace(TIME_OF_DAY, ''))
    .join('/');
}

const PLAIN = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2}))?)?)?$/;

/**
 * Plain calendar dates (`2020`, `2020-07`, `2020-07-02`, `2020-07-02T13:41:00`: EDTF level 0, most dates of the data)
 * need no grammar: their bounds follow from the calendar. Everything else goes to the edtf parser.
 * A test checks that both agree on thousands of dates, valid and invalid.
 */
export function plainBounds(value: string): DateBounds | null | undefined {
  const m = PLAIN.exec(value);
  if (!m) return undefined;
  const year = Number(m[1]);
  if (m[2] === undefined) return { start: `${m[1]}-01-01`, end: `${m[1]}-12-31` };
  const month = Number(m[2]);
  if (month > 12) return undefined; // 21–24 are EDTF seasons: the library's business
  if (month < 1) return null;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const last = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  if (m[3] === undefined)
    return { start: `${m[1]}-${m[2]}-01`, end: `${m[1]}-${m[2]}-${String(last).padStart(2, '0')}` };
  const d = Number(m[3]);
  if (d < 1 || d > last) return null;
  if (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6]) > 59))
    return null;
  const day = value.slice(0, 10);
  return { start: day, end: day };
}

const QUALIFIED = /^(\d{4}(?:-\d{2}(?:-\d{2})?)?)[~?%]$/;
const DATE_ONLY = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

/** A calendar date without a time of day, optionally qualified (`2022-08~`, `2021?`, `2020-07-02%`): its plain bounds. */
function dateSideBounds(side: string): DateBounds | null | undefined {
  const qualified = QUALIFIED.exec(side);
  const date = qualified ? qualified[1]! : side;
  return DATE_ONLY.test(date) ? plainBounds(date) : undefined;
}

/**
 * The common level-1 forms of the data, without the grammar: a qualified date (`2022-08~`; the
 * qualifier does not move the bounds) and a closed interval of dates (`2020-04-01/2021-03-31`, each
 * side optionally qualified), valid when the upper side starts after the lower side starts — the
 * edtf library's rule. Undefined for every other form (open intervals, seasons, times, X digits),
 * which go to the library. A test checks that both agree.
 */
export function qualifiedOrIntervalBounds(value: string): DateBounds | null | undefined {
  const slash = value.indexOf('/');
  if (slash === -1) return QUALIFIED.test(value) ? dateSideBounds(value) : undefined;
  if (value.indexOf('/', slash + 1) !== -1) return undefined;
  const lower = dateSideBounds(value.slice(0, slash));
  const upper = dateSideBounds(value.slice(slash + 1));
  if (lower === undefined || upper === undefined) return undefined;
  if (lower === null || upper === null) return null;
  return upper.start! > lower.start! ? { start: lower.start, end: upper.end } : null;
}

function boundsOrNull(value: string): DateBounds | null {
  let result = memo.get(value);
  if (result !== undefined || memo.has(value)) return result ?? null;
  let fast = plainBounds(value);
  if (fast === undefined) fast = qualifiedOrIntervalBounds(value);
  if (fast !== undefined) {
    memo.set(value, fast);
    return fast;
  }
  try {
    // One parse validates at level 1; the bounds come from the value without its times of day.
    parse(value, { level: LEVEL });
    const parsed = edtf(withoutTimeOfDay(value));
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
