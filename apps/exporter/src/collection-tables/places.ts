/** The `places` table: the geographic scopes of figures, with the country each lies in. */
import { countryOf } from '@encrochat-ledger/dataset';
import {
  byId,
  col,
  field,
  fk,
  lifecycle,
  lifecycleColumns,
  type Column,
  type Row,
  type Table,
} from '../table-model.js';
import { selfKey, type CollectionContext } from './context.js';

function placeColumns(): Column[] {
  return [
    field('id', 'string', 'place.id', true),
    field('name', 'string', 'place.name', true),
    field('kind', 'string', 'place.kind', true),
    field('parent', 'string', 'place.parent'),
    col(
      'country',
      'string',
      'ISO 3166-1 alpha-2 code of the country the place lies in; empty above country level.',
    ),
    field('iso3166_1', 'string', 'place.codes.iso3166_1'),
    field('iso3166_2', 'string', 'place.codes.iso3166_2'),
    field('ons', 'string', 'place.codes.ons'),
    field('nuts', 'string', 'place.codes.nuts'),
    field('note', 'string', 'place.note'),
    ...lifecycleColumns('place'),
  ];
}

function* placeRows({ bundle }: CollectionContext): Generator<Row> {
  const places = new Map(bundle.places.map((p) => [p.id, p]));
  for (const p of byId(bundle.places))
    yield {
      id: p.id,
      name: p.name,
      kind: p.kind,
      parent: p.parent ?? null,
      country: countryOf(p.id, places),
      iso3166_1: p.codes?.iso3166_1 ?? null,
      iso3166_2: p.codes?.iso3166_2 ?? null,
      ons: p.codes?.ons ?? null,
      nuts: p.codes?.nuts ?? null,
      note: p.note ?? null,
      ...lifecycle(p),
    };
}

export function placesTable(context: CollectionContext): Table {
  return {
    name: 'places',
    title: 'Places',
    description:
      'Geographic scopes of figures, from the world to police force areas, with official codes.',
    columns: placeColumns(),
    primaryKey: ['id'],
    foreignKeys: [fk('parent', 'places'), ...selfKey(context, 'places')],
    rows: () => placeRows(context),
  };
}
