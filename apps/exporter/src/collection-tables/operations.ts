/** The `operations` and `networks` tables: who acted, and on which encrypted networks. */
import {
  byId,
  edtfColumns,
  field,
  fk,
  lifecycle,
  lifecycleColumns,
  list,
  schemaDescription,
  type Column,
  type Row,
  type Table,
} from '../table-model.js';
import { edtfCells, selfKey, type CollectionContext } from './context.js';

function operationColumns(): Column[] {
  return [
    field('id', 'string', 'operation.id', true),
    field('name', 'string', 'operation.name', true),
    field('description', 'string', 'operation.description'),
    field('parent', 'string', 'operation.parent'),
    field('lead_organisations', 'list', 'operation.lead_organisations'),
    field('place', 'string', 'operation.place'),
    field('networks', 'list', 'operation.networks', true),
    // The schema describes started and ended only as EDTF dates.
    ...edtfColumns('started', 'When it started (EDTF).'),
    ...edtfColumns('ended', 'When it ended (EDTF).'),
    field('note', 'string', 'operation.note'),
    ...lifecycleColumns('operation'),
  ];
}

function* operationRows(context: CollectionContext): Generator<Row> {
  for (const o of byId(context.bundle.operations))
    yield {
      id: o.id,
      name: o.name,
      description: o.description ?? null,
      parent: o.parent ?? null,
      lead_organisations: list(o.lead_organisations),
      place: o.place ?? null,
      networks: list(o.networks),
      ...edtfCells(context, 'started', o.started),
      ...edtfCells(context, 'ended', o.ended),
      note: o.note ?? null,
      ...lifecycle(o),
    };
}

export function operationsTable(context: CollectionContext): Table {
  return {
    name: 'operations',
    title: 'Operations',
    description:
      'Law-enforcement operations (Venetic, Eternal, Emma, Lemont…) with parent operation and lead organisations.',
    columns: operationColumns(),
    primaryKey: ['id'],
    foreignKeys: [
      fk('parent', 'operations'),
      fk('place', 'places'),
      ...selfKey(context, 'operations'),
    ],
    rows: () => operationRows(context),
  };
}

function networkColumns(): Column[] {
  return [
    field('id', 'string', 'network.id', true),
    field('name', 'string', 'network.name', true),
    field('kind', 'string', 'network.kind', true),
    field('description', 'string', 'network.description'),
    field('operator', 'string', 'network.operator'),
    ...edtfColumns('active', schemaDescription('network.active')),
    ...edtfColumns('dismantled', schemaDescription('network.dismantled')),
    field('note', 'string', 'network.note'),
    ...lifecycleColumns('network'),
  ];
}

function* networkRows(context: CollectionContext): Generator<Row> {
  for (const n of byId(context.bundle.networks))
    yield {
      id: n.id,
      name: n.name,
      kind: n.kind,
      description: n.description ?? null,
      operator: n.operator ?? null,
      ...edtfCells(context, 'active', n.active),
      ...edtfCells(context, 'dismantled', n.dismantled),
      note: n.note ?? null,
      ...lifecycle(n),
    };
}

export function networksTable(context: CollectionContext): Table {
  return {
    name: 'networks',
    title: 'Networks',
    description:
      'Encrypted communication networks taken down or infiltrated (EncroChat, Sky ECC, ANOM).',
    columns: networkColumns(),
    primaryKey: ['id'],
    foreignKeys: [...selfKey(context, 'networks')],
    rows: () => networkRows(context),
  };
}
