import { safeBounds } from '@encrochat-ledger/core';
import type { DataRule, Issue } from '../rule.js';
import { eachClaim } from '../rule.js';

/** DATE001: a claim's as_of does not start after its source was published (a figure cannot refer to a later date). */
export const datesAfterPublication: DataRule = {
  code: 'DATE001',
  title: 'as_of not after publication',
  severity: 'error',
  scope: 'record',
  check(ctx) {
    const issues: Issue[] = [];
    for (const { entry, claim, pointer, source } of eachClaim(ctx)) {
      const asOf = safeBounds(claim.as_of);
      const published = safeBounds(source.published);
      if (!asOf?.start || !published?.end) continue;
      if (asOf.start > published.end)
        issues.push({
          entry,
          pointer: `${pointer}/as_of`,
          message: `as_of ${claim.as_of} starts after the source's publication date ${source.published}`,
          hint: 'as_of is the date the figure refers to, at the latest the publication date; check both dates',
        });
    }
    return issues;
  },
};
