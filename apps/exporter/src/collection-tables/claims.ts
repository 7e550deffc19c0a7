/** The `claims` table: the dataset package's claims table, unchanged. */
import { claimsTableFields } from '@encrochat-ledger/dataset';
import { columnsOf, fk, type Column, type Table } from '../table-model.js';
import { selfKey, type CollectionContext } from './context.js';

/** The `claims` table columns: the dataset package's claims table fields, in their order. */
export const claimsColumns: readonly Column[] = columnsOf(claimsTableFields);

export function claimsTable(context: CollectionContext): Table {
  return {
    name: 'claims',
    title: 'Claims',
    description:
      'One row per claim: one figure stated by one source, with its scope, its date, the verbatim quote and the source. The tidy claims table of @encrochat-ledger/dataset.',
    columns: claimsColumns,
    primaryKey: ['claim_id'],
    foreignKeys: [
      fk('source_id', 'sources'),
      fk('metric', 'metrics'),
      fk('place', 'places'),
      fk('operation', 'operations'),
      fk('attributed_organisation', 'organisations'),
      fk('attributed_person', 'persons'),
      ...selfKey(context, 'claims', 'superseded_by', 'claim_id'),
    ],
    rows: context.claimRows,
  };
}
