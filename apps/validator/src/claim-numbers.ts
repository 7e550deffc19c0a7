/**
 * Where a claim's number is written in its quote, for the rules that need it (QUOTE001, QUAL001,
 * PREC001). Reading a quote in full (`readingsInUnit`: multipliers, words, conversions) is the
 * costly step of these rules, and each needs it for the same claims, those whose number is not
 * written plainly; so it is done once per claim and number, and only the readings that match the
 * number are kept.
 */
import {
  matchesCandidate,
  readingsInUnit,
  type UnitReading,
  type JsonRecord,
} from '@encrochat-ledger/core';

const memo = new WeakMap<object, Map<number, UnitReading[]>>();

/** The readings of the claim's quote (in the claim's unit) that match `value`; empty when the quote does not state it. */
export function readingsOf(claim: JsonRecord, value: number, language: string): UnitReading[] {
  let byValue = memo.get(claim);
  if (!byValue) memo.set(claim, (byValue = new Map()));
  let found = byValue.get(value);
  if (!found)
    byValue.set(
      value,
      (found = readingsInUnit(claim.quote, claim.unit, language).filter((r) =>
        matchesCandidate(value, [r.inUnit]),
      )),
    );
  return found;
}
