/** The `events` table (the timeline) and its link table `event_sources`. */
import { compareCodeUnits } from '@encrochat-ledger/dataset';
import {
  byId,
  col,
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

function eventColumns(): Column[] {
  return [
    field('id', 'string', 'event.id', true),
    ...edtfColumns('date', schemaDescription('event.date'), true),
    field('kind', 'string', 'event.kind', true),
    field('title', 'string', 'event.title', true),
    field('description', 'string', 'event.description'),
    // The schema describes these only as ids (slugs).
    col('place', 'string', 'Id of the place.'),
    col('organisations', 'list', 'Ids of the organisations involved.'),
    col('operations', 'list', 'Ids of the operations involved.'),
    col('networks', 'list', 'Ids of the networks involved.'),
    field('court', 'string', 'event.court_case.court'),
    field('court_citation', 'string', 'event.court_case.citation'),
    field('court_outcome', 'string', 'event.court_case.outcome'),
    field('note', 'string', 'event.note'),
    ...lifecycleColumns('event'),
  ];
}

function* eventRows(context: CollectionContext): Generator<Row> {
  for (const e of byId(context.bundle.events))
    yield {
      id: e.id,
      ...edtfCells(context, 'date', e.date),
      kind: e.kind,
      title: e.title,
      description: e.description ?? null,
      place: e.place ?? null,
      organisations: list(e.organisations),
      operations: list(e.operations),
      networks: list(e.networks),
      court: e.court_case?.court ?? null,
      court_citation: e.court_case?.citation ?? null,
      court_outcome: e.court_case?.outcome ?? null,
      note: e.note ?? null,
      ...lifecycle(e),
    };
}

export function eventsTable(context: CollectionContext): Table {
  return {
    name: 'events',
    title: 'Events',
    description:
      'The timeline: infiltration, warning, shutdown, announcements, rulings… Their sources are in event_sources.',
    columns: eventColumns(),
    primaryKey: ['id'],
    foreignKeys: [
      fk('place', 'places'),
      fk('court', 'organisations'),
      ...selfKey(context, 'events'),
    ],
    rows: () => eventRows(context),
  };
}

function eventSourceColumns(): Column[] {
  return [
    col('event_id', 'string', 'Event id.', true),
    col('source_id', 'string', 'Source id.', true),
    field('quote', 'string', 'event.sources.quote'),
  ];
}

/** The links of each event to its sources, leaving out the sources --source-kind left out. */
function* eventSourceRows({ bundle, sources }: CollectionContext): Generator<Row> {
  const sourceIds = new Set(sources().map((s) => s.id));
  for (const e of byId(bundle.events)) {
    const links = e.sources
      .filter((s) => sourceIds.has(s.source))
      .sort((a, b) => compareCodeUnits(a.source, b.source));
    for (const s of links) yield { event_id: e.id, source_id: s.source, quote: s.quote ?? null };
  }
}

export function eventSourcesTable(context: CollectionContext): Table {
  return {
    name: 'event_sources',
    title: 'Sources of events',
    description:
      'One row per source that reports an event, with the words that do (sources left out by --source-kind are left out here).',
    columns: eventSourceColumns(),
    primaryKey: ['event_id', 'source_id'],
    foreignKeys: [fk('event_id', 'events'), fk('source_id', 'sources')],
    rows: () => eventSourceRows(context),
  };
}
