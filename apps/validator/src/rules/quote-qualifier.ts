import { plainPositions, wordedQualifier, type WordedQualifier } from '@encrochat-ledger/core';
import { readingsOf } from '../claim-numbers.js';
import type { DataRule, Issue } from '../rule.js';
import { eachClaim } from '../rule.js';

/**
 * QUAL001: the claim's `qualifier` is the one the quote's words give its number.
 *
 * 1. **Find the number.** The places in the quote where the claim's number is written (the value; for
 *    a range, min and max), read as QUOTE001 reads them ("£54m", "two tonnes", "6 558"). A quote may
 *    hold several numbers: only the claim's own count. Not found: nothing to say (QUOTE001's business).
 * 2. **Read the words right before it** (`wordedQualifier`, in the source's language): "more than /
 *    over / in excess of" → more_than, "at least" → at_least, "nearly / almost / close to" → nearly,
 *    "about / around / some / an estimated" → approximate, "up to / as many as" → up_to, "between …
 *    and …" or "90 to 100" → range; a noun of approximation ("une centaine") → approximate; no such
 *    word → exact. Only the words right before the number count, as written: in "around 109kg of
 *    cocaine, 24kg of heroin" the 24kg is exact.
 * 3. **Compare.** The qualifier must be what one of the number's places gives (a number written twice
 *    may be worded twice). Not checked: `unspecified` claims (no number), quotes in a language without
 *    a vocabulary (the rule cannot tell), and withdrawn claims (kept as they were).
 *
 * A wording the rule reads otherwise than the source means ("ongeveer" in front of a list, read as
 * covering all of it) is listed in data/validator-exceptions.json under QUAL001 with the reason.
 */
export const quoteQualifier: DataRule = {
  code: 'QUAL001',
  title: 'Qualifier agrees with the quote',
  severity: 'error',
  scope: 'record',
  check(ctx) {
    const issues: Issue[] = [];
    for (const { entry, claim, pointer, source } of eachClaim(ctx)) {
      const { quote, unit, qualifier } = claim;
      if (
        typeof quote !== 'string' ||
        typeof unit !== 'string' ||
        typeof qualifier !== 'string' ||
        qualifier === 'unspecified' ||
        claim.withdrawn ||
        source.withdrawn
      )
        continue;
      const language = typeof source.language === 'string' ? source.language : 'en';
      const numbers = qualifier === 'range' ? [claim.min, claim.max] : [claim.value];
      const worded: { qualifier: WordedQualifier; start: number; end: number }[] = [];
      let unknownLanguage = false;
      for (const n of numbers) {
        if (typeof n !== 'number') continue;
        let places = plainPositions(quote, n);
        if (!places.length) places = readingsOf(claim, n, language);
        for (const { start, end } of places) {
          const q = wordedQualifier(quote, start, end, language);
          if (q === null) unknownLanguage = true;
          else worded.push({ qualifier: q, start, end });
        }
      }
      if (unknownLanguage || !worded.length || worded.some((w) => w.qualifier === qualifier))
        continue;
      const { qualifier: expected, start, end } = worded[0]!;
      issues.push({
        entry,
        pointer: `${pointer}/qualifier`,
        exceptionKey: typeof claim.id === 'string' ? claim.id : undefined,
        message: `qualifier is "${qualifier}" but the quote words the number as ${expected}: "${excerpt(quote, start, end)}"`,
        hint: `set qualifier to "${expected}" (and check the note says the same); if the wording means otherwise (a qualifier that covers a whole list), add the claim id with a reason to data/validator-exceptions.json under QUAL001`,
      });
    }
    return issues;
  },
};

/** The few words before a number and the number itself: "…seizure of more than £54m". */
function excerpt(quote: string, start: number, end: number): string {
  const from = Math.max(0, start - 30);
  const head =
    from > 0 ? `…${quote.slice(from, start).replace(/^\S*\s/, '')}` : quote.slice(0, start);
  return `${head}${quote.slice(start, end)}`;
}
