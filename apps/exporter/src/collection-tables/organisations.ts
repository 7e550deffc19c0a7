/** The `organisations` table: police forces, agencies, prosecutors, courts and other bodies. */
import {
  byId,
  col,
  field,
  fk,
  lifecycle,
  lifecycleColumns,
  list,
  type Column,
  type Row,
  type Table,
} from '../table-model.js';
import { selfKey, type CollectionContext } from './context.js';

function organisationColumns(): Column[] {
  return [
    field('id', 'string', 'organisation.id', true),
    field('name', 'string', 'organisation.name', true),
    field('short_name', 'string', 'organisation.short_name'),
    field('native_name', 'string', 'organisation.native_name'),
    field('kind', 'string', 'organisation.kind', true),
    field('country', 'string', 'organisation.country'),
    field('places', 'list', 'organisation.places'),
    field('parent', 'string', 'organisation.parent'),
    // The schema describes url only as an address of a document.
    col('url', 'string', 'Web address.'),
    field('note', 'string', 'organisation.note'),
    ...lifecycleColumns('organisation'),
  ];
}

function* organisationRows({ bundle }: CollectionContext): Generator<Row> {
  for (const o of byId(bundle.organisations))
    yield {
      id: o.id,
      name: o.name,
      short_name: o.short_name ?? null,
      native_name: o.native_name ?? null,
      kind: o.kind,
      country: o.country ?? null,
      places: list(o.places),
      parent: o.parent ?? null,
      url: o.url ?? null,
      note: o.note ?? null,
      ...lifecycle(o),
    };
}

export function organisationsTable(context: CollectionContext): Table {
  return {
    name: 'organisations',
    title: 'Organisations',
    description:
      'Police forces, agencies, prosecutors, courts and other bodies that appear in the data.',
    columns: organisationColumns(),
    primaryKey: ['id'],
    foreignKeys: [
      fk('country', 'places'),
      fk('parent', 'organisations'),
      ...selfKey(context, 'organisations'),
    ],
    rows: () => organisationRows(context),
  };
}
