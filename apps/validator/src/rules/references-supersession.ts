import { findSupersessionCycles, type JsonRecord } from '@encrochat-ledger/core';
import type { Context, DataRule } from '../rule.js';

const memo = new WeakMap<Context, ReturnType<typeof findSupersessionCycles>>();

/** The members of every cycle of the run (@encrochat-ledger/core's, which the dataset build refuses too), found once. */
function cyclesOf(ctx: Context): ReturnType<typeof findSupersessionCycles> {
  let found = memo.get(ctx);
  if (!found) memo.set(ctx, (found = findSupersessionCycles(ctx.records)));
  return found;
}

/**
 * The records and claims whose `superseded_by` chain comes back to them, each with its cycle in
 * order from itself (`[a]` when it points to itself, `[a, b]` for a → b → a). Built once per run.
 */
export function supersessionCycles(ctx: Context): ReadonlyMap<JsonRecord, JsonRecord[]> {
  return new Map(cyclesOf(ctx).map(({ record, cycle }) => [record, cycle]));
}

/**
 * REF003: `superseded_by` leads to a replacement: it does not point to the record itself, and a
 * chain of replacements never comes back to where it started (a → b → a), in any collection or
 * among claims. A cycle leaves no current record to use. The check is @encrochat-ledger/core's
 * `findSupersessionCycles`, so that the dataset build refuses the same records.
 */
export const referencesSupersession: DataRule = {
  code: 'REF003',
  title: 'No supersession cycles',
  severity: 'error',
  scope: 'dataset',
  check: (ctx) =>
    cyclesOf(ctx).map(({ entry, pointer, message, hint }) => ({ entry, pointer, message, hint })),
};
