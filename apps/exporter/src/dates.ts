/**
 * Calendar days of EDTF dates: @encrochat-ledger/core's `edtfBounds` (the one implementation, also
 * used by the dataset build and the validator: the edtf parser at level 1, a date-time read as the
 * day written in it whatever the time zone), memoised. A test checks that these bounds equal the ones
 * built into @encrochat-ledger/dataset for every date of it.
 */
import { edtfBounds, type DateBounds as DayBounds } from '@encrochat-ledger/core';

export { edtfBounds, type DayBounds };

/** A memoised edtfBounds; `onInvalid` turns a parse failure into the caller's error. */
export function dayBoundsLookup(
  onInvalid: (value: string) => Error,
): (value: string | null | undefined) => DayBounds {
  const cache = new Map<string, DayBounds>();
  return (value) => {
    if (value === null || value === undefined) return { start: null, end: null };
    let bounds = cache.get(value);
    if (!bounds) {
      try {
        bounds = edtfBounds(value);
      } catch {
        throw onInvalid(value);
      }
      cache.set(value, bounds);
    }
    return bounds;
  };
}
