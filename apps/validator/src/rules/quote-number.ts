import { candidateValues, statesPlainly } from '@encrochat-ledger/core';
import { readingsOf } from '../claim-numbers.js';
import type { DataRule, Issue } from '../rule.js';
import { eachClaim } from '../rule.js';

/**
 * QUOTE001: the claim's number appears in its own quote, read as people write numbers ("£54m",
 * "£2,191,200", "two tonnes", "nearly 700", "1,100 years", "7.5kg"). For a range both ends must
 * appear. A claim the reader cannot parse is listed in data/validator-exceptions.json with a reason.
 */
export const quoteNumber: DataRule = {
  code: 'QUOTE001',
  title: 'Number appears in the quote',
  severity: 'error',
  scope: 'record',
  check(ctx) {
    const issues: Issue[] = [];
    for (const { entry, claim, pointer, source } of eachClaim(ctx)) {
      if (typeof claim.quote !== 'string' || typeof claim.unit !== 'string') continue;
      const wanted: [string, number][] = [];
      if (typeof claim.value === 'number') wanted.push(['value', claim.value]);
      if (claim.qualifier === 'range')
        for (const k of ['min', 'max'] as const)
          if (typeof claim[k] === 'number') wanted.push([k, claim[k]]);
      if (!wanted.length) continue;
      const language = typeof source.language === 'string' ? source.language : 'en';
      for (const [field, v] of wanted) {
        if (statesPlainly(claim.quote, v) || readingsOf(claim, v, language).length) continue;
        const read = [...new Set(candidateValues(claim.quote, claim.unit, language))]
          .slice(0, 8)
          .map((c) => String(+c.toPrecision(12)));
        issues.push({
          entry,
          pointer: `${pointer}/${field}`,
          exceptionKey: typeof claim.id === 'string' ? claim.id : undefined,
          message: `${field} ${v} (${claim.unit}) does not appear in the quote; the quote reads as ${read.length ? read.join(', ') : 'no number'}`,
          hint: 'check the value and its unit conversion against the quote; if the quote states it in a way the reader cannot parse, add the claim id with a reason to data/validator-exceptions.json under QUOTE001',
        });
      }
    }
    return issues;
  },
};
