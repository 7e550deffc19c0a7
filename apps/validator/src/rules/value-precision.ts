import {
  CONVERTED_UNITS,
  monthsConvertExactly,
  significantDigits,
  statesPlainly,
  type UnitReading,
} from '@encrochat-ledger/core';
import { readingsOf } from '../claim-numbers.js';
import type { DataRule, Issue } from '../rule.js';
import { eachClaim } from '../rule.js';

/** Whether a reading converts the quoted amount to another unit in a way that can add precision (see the rule). */
const converts = (r: UnitReading) =>
  r.conversion === 'pounds' ||
  r.conversion === 'tonnes' ||
  r.conversion === 'grams' ||
  (r.conversion === 'months' && !monthsConvertExactly(r.value));

/**
 * PREC001: a converted value is no more precise than the words it came from.
 *
 * Claims store amounts in base units (kg, years); quotes give them as the source wrote them
 * ("22,000 lbs", "two tonnes", "8 months"). The conversion must not add precision the source does
 * not have.
 *
 * 1. **Which values.** A value (or a range's min and max) that the quote does not state as it is, but
 *    in another unit: pounds (× 0.45359237), tonnes (× 1,000) or grams (÷ 1,000) for kg, months
 *    (÷ 12) for years, found as QUOTE001 finds them. A value the quote states as it is, or does not
 *    state at all (QUOTE001's business), is not checked. Not conversions of precision: multipliers
 *    ("£1.5m" is 1,500,000, the same figure written out), and whole months that make a terminating
 *    number of years (57 months is exactly 4.75 years; 8 months is 0.666…, rounded to 0.7).
 * 2. **Precision** is the number of significant digits (`significantDigits`): from the first non-zero
 *    digit to the last one. Trailing zeros of a whole number do not count ("22,000" has two: a source
 *    that writes it means a round figure); a number word counts as its figure ("two" has one).
 * 3. **The rule.** The value has no more significant digits than the number it was converted from.
 *    "two tonnes" → 2000 (one digit) and "3,2 Tonnen" → 3200 (two) pass; "22,000 lbs" → 9979.03214
 *    (nine digits for two) fails: it is 10,000 kg to the source's precision. Tonnes and grams scale by
 *    powers of ten and never add digits: in effect the rule bites on pounds and on months. This is
 *    the curation policy on unit conversions (data/README.md).
 *
 * Withdrawn claims are kept as they were and not checked.
 */
export const valuePrecision: DataRule = {
  code: 'PREC001',
  title: 'No false precision in conversions',
  severity: 'error',
  scope: 'record',
  check(ctx) {
    const issues: Issue[] = [];
    for (const { entry, claim, pointer, source } of eachClaim(ctx)) {
      const { quote, unit } = claim;
      if (
        typeof quote !== 'string' ||
        !CONVERTED_UNITS.has(unit) ||
        claim.withdrawn ||
        source.withdrawn
      )
        continue;
      const language = typeof source.language === 'string' ? source.language : 'en';
      for (const field of ['value', 'min', 'max'] as const) {
        const v = claim[field];
        if (typeof v !== 'number' || statesPlainly(quote, v)) continue;
        const matching = readingsOf(claim, v, language);
        if (matching.some((r) => r.conversion === 'none')) continue;
        const converted = matching.filter(converts);
        if (
          !converted.length ||
          converted.some((r) => significantDigits(v) <= significantDigits(r.value))
        )
          continue;
        const from = converted[0]!;
        const digits = significantDigits(from.value);
        issues.push({
          entry,
          pointer: `${pointer}/${field}`,
          exceptionKey: typeof claim.id === 'string' ? claim.id : undefined,
          message: `${field} ${v} ${unit} has ${significantDigits(v)} significant digits, but "${quote.slice(from.start, from.end)} ${from.next}" it was converted from has ${digits}`,
          hint: `round the converted value to ${digits} significant digit${digits === 1 ? '' : 's'} (${Number(from.inUnit.toPrecision(digits))}) and give the conversion in the note; if the source means its figure to the unit, add the claim id with a reason to data/validator-exceptions.json under PREC001`,
        });
      }
    }
    return issues;
  },
};
