import { safeBounds } from '@encrochat-ledger/core';
import type { DataRule, Issue } from '../rule.js';
import { eachClaim } from '../rule.js';

/** DATE002: no date lies in the future: as_of, publication dates, event dates, withdrawals. */
export const datesFuture: DataRule = {
  code: 'DATE002',
  title: 'No dates in the future',
  severity: 'error',
  scope: 'record',
  check(ctx) {
    const issues: Issue[] = [];
    const check = (
      entry: Parameters<typeof issues.push>[0]['entry'],
      pointer: string,
      value: unknown,
      what: string,
    ) => {
      const b = safeBounds(value);
      if (b?.start && b.start > ctx.today)
        issues.push({
          entry,
          pointer,
          message: `${what} ${String(value)} is in the future (today is ${ctx.today})`,
          hint: 'check the year and the month/day order',
        });
    };
    for (const { entry, claim, pointer } of eachClaim(ctx))
      check(entry, `${pointer}/as_of`, claim.as_of, 'as_of');
    for (const entry of ctx.of('sources'))
      check(entry, '/published', entry.record.published, 'published');
    for (const entry of ctx.of('events')) check(entry, '/date', entry.record.date, 'date');
    for (const entry of ctx.records)
      if (
        entry.record.withdrawn &&
        typeof entry.record.withdrawn.date === 'string' &&
        entry.record.withdrawn.date > ctx.today
      )
        issues.push({
          entry,
          pointer: '/withdrawn/date',
          message: `withdrawn on ${entry.record.withdrawn.date}, which is in the future`,
          hint: 'use the day the record was withdrawn',
        });
    return issues;
  },
};
