import { safeBounds } from '@encrochat-ledger/core';
import type { DataRule, Issue } from '../rule.js';

/** DATE003: periods are ordered: an operation ends after it starts; an EDTF interval's end is not before its start. */
export const datesOrdered: DataRule = {
  code: 'DATE003',
  title: 'Dates in order',
  severity: 'error',
  scope: 'record',
  check(ctx) {
    const issues: Issue[] = [];
    for (const entry of ctx.of('operations')) {
      const started = safeBounds(entry.record.started);
      const ended = safeBounds(entry.record.ended);
      if (started?.start && ended?.end && ended.end < started.start)
        issues.push({
          entry,
          pointer: '/ended',
          message: `ended ${entry.record.ended} is before started ${entry.record.started}`,
          hint: 'swap the dates, or check the years',
        });
    }
    return issues;
  },
};
