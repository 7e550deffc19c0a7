import { safeBounds } from '@encrochat-ledger/core';
import type { DataRule, Issue } from '../rule.js';
import { eachClaim } from '../rule.js';

/**
 * DATE004: `as_of_basis` tells the truth: `publication` needs a source publication date that as_of
 * covers; a source with no publication date cannot give `publication` (use `stated` or `estimated`).
 */
export const datesBasis: DataRule = {
  code: 'DATE004',
  title: 'as_of_basis agrees with the dates',
  severity: 'error',
  scope: 'record',
  check(ctx) {
    const issues: Issue[] = [];
    for (const { entry, claim, pointer, source } of eachClaim(ctx)) {
      if (claim.as_of_basis !== 'publication') continue;
      if (source.published === null || source.published === undefined) {
        issues.push({
          entry,
          pointer: `${pointer}/as_of_basis`,
          message: 'as_of_basis is "publication" but the source has no publication date',
          hint: 'use "estimated" (and say in the note how as_of was bounded), or "stated" if the quote names the date (DATE005)',
        });
        continue;
      }
      const asOf = safeBounds(claim.as_of);
      const published = safeBounds(source.published);
      if (
        asOf?.start &&
        asOf.end &&
        published?.start &&
        (published.start < asOf.start || published.start > asOf.end)
      )
        issues.push({
          entry,
          pointer: `${pointer}/as_of`,
          message: `as_of ${claim.as_of} does not cover the publication date ${source.published}, yet as_of_basis is "publication"`,
          hint: 'set as_of to the publication date, or set as_of_basis to "stated" if the source gives the date',
        });
    }
    return issues;
  },
};
