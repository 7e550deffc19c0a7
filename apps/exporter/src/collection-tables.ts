/**
 * The tables of the collections: claims (the dataset package's claims table, unchanged), sources,
 * metrics, places, organisations, operations, networks, persons, events, and the link tables for
 * nested lists (person_roles, event_sources). Rows are sorted by primary key.
 */
import { claimsTableFields, compareCodeUnits, countryOf } from '@encrochat-ledger/dataset';
import type { BundleHead, SourceSummary } from './dataset-source.js';
import type { DayBounds } from './dates.js';
import {
  byId,
  col,
  edtfColumns,
  fk,
  lifecycle,
  lifecycleColumns,
  list,
  type Column,
  type ColumnType,
  type ForeignKey,
  type Row,
  type Table,
} from './table-model.js';

/** The `claims` table columns: the dataset package's claims table fields, in their order. */
export const claimsColumns: readonly Column[] = claimsTableFields.map((f) =>
  col(f.name, f.type as ColumnType, f.description, 'required' in f && f.required === true),
);

export interface CollectionContext {
  bundle: BundleHead;
  /** The claims kept by the filters, sorted by claim id (streamed: each call starts again). */
  claimRows: () => Iterable<Row>;
  /** The sources kept by --source-kind, sorted by id (known after a pass over the claims: asked for when needed). */
  sources: () => readonly SourceSummary[];
  dayBounds: (value: string | null | undefined) => DayBounds;
  /** Whether a filter is set: self-references (superseded_by) may then point at records left out, so they are not declared. */
  filtered: boolean;
}

export function collectionTables({
  bundle,
  claimRows,
  sources,
  dayBounds,
  filtered,
}: CollectionContext): Table[] {
  const places = new Map(bundle.places.map((p) => [p.id, p]));
  const edtf = (name: string, value: string | null | undefined) => {
    const { start, end } = dayBounds(value);
    return { [name]: value ?? null, [`${name}_start`]: start, [`${name}_end`]: end };
  };
  const selfKey = (table: string, field = 'superseded_by', ref = 'id'): ForeignKey[] =>
    filtered ? [] : [fk(field, table, ref)];

  return [
    {
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
        ...selfKey('claims', 'superseded_by', 'claim_id'),
      ],
      rows: claimRows,
    },
    {
      name: 'sources',
      title: 'Sources',
      description:
        'One row per source document (article, press release, judgment, statistics) with its publication details and reliability.',
      columns: [
        col('id', 'string', 'Stable public id of the source.', true),
        col('kind', 'string', 'Kind of document.', true),
        col('title', 'string', 'Title or headline, verbatim.', true),
        col('publisher', 'string', 'Publisher as read; empty when the text shows none.'),
        col(
          'publisher_organisation',
          'string',
          'Id of the organisation that published it, when it is one of the organisations.',
        ),
        col('original_publisher', 'string', 'For a copy: who originally issued the text.'),
        col('authors', 'list', 'Bylines as printed.'),
        ...edtfColumns('published', 'Publication date; empty when nothing dates it'),
        col('url', 'string', 'Address as read; empty when none is known (never invented).'),
        col('copy_urls', 'list', 'Other addresses where the same text was read.'),
        col('language', 'string', 'Language of the document (BCP 47).', true),
        col('reliability', 'string', 'official, official-copy, press, legal or low.', true),
        col(
          'archive_file',
          'string',
          'File name of the archived full text, when the project holds one.',
        ),
        col('archive_text_sha256', 'string', 'SHA-256 of the archived text.'),
        col('note', 'string', 'Curator note.'),
        col('claims', 'integer', 'Number of claims the source states in the dataset.', true),
        ...lifecycleColumns('source'),
      ],
      primaryKey: ['id'],
      foreignKeys: [fk('publisher_organisation', 'organisations'), ...selfKey('sources')],
      rows: function* () {
        for (const s of sources())
          yield {
            id: s.id,
            kind: s.kind,
            title: s.title,
            publisher: s.publisher,
            publisher_organisation: s.publisher_organisation ?? null,
            original_publisher: s.original_publisher ?? null,
            authors: list(s.authors),
            ...edtf('published', s.published),
            url: s.url,
            copy_urls: list(s.copies?.map((c) => c.url)),
            language: s.language,
            reliability: s.reliability,
            archive_file: s.archive?.file ?? null,
            archive_text_sha256: s.archive?.text_sha256 ?? null,
            note: s.note ?? null,
            claims: s.claimCount,
            ...lifecycle(s),
          };
      },
    },
    {
      name: 'metrics',
      title: 'Metrics',
      description: 'The vocabulary of what is counted, with the units a claim may use.',
      columns: [
        col('id', 'string', 'Metric id.', true),
        col('label', 'string', 'Human label.', true),
        col('definition', 'string', 'What is counted and what is not.', true),
        col('units', 'list', 'Units a claim of this metric may use.', true),
        col(
          'cumulative',
          'boolean',
          'True for running totals that should not go down over time for one scope.',
          true,
        ),
        col('breakdown_keys', 'list', 'Breakdown keys claims of this metric may use.'),
        col('note', 'string', 'Curator note.'),
        ...lifecycleColumns('metric'),
      ],
      primaryKey: ['id'],
      foreignKeys: [...selfKey('metrics')],
      rows: function* () {
        for (const m of byId(bundle.metrics))
          yield {
            id: m.id,
            label: m.label,
            definition: m.definition,
            units: [...m.units],
            cumulative: m.cumulative,
            breakdown_keys: list(m.breakdown_keys),
            note: m.note ?? null,
            ...lifecycle(m),
          };
      },
    },
    {
      name: 'places',
      title: 'Places',
      description:
        'Geographic scopes of figures, from the world to police force areas, with official codes.',
      columns: [
        col('id', 'string', 'Place id.', true),
        col('name', 'string', 'English name.', true),
        col(
          'kind',
          'string',
          'world, supranational, country, nation, region, police-force-area, city or other.',
          true,
        ),
        col('parent', 'string', 'Id of the enclosing place.'),
        col(
          'country',
          'string',
          'ISO 3166-1 alpha-2 code of the country the place lies in; empty above country level.',
        ),
        col('iso3166_1', 'string', 'ISO 3166-1 alpha-2 code of the place itself.'),
        col('iso3166_2', 'string', 'ISO 3166-2 subdivision code.'),
        col('ons', 'string', 'ONS GSS code.'),
        col('nuts', 'string', 'Eurostat NUTS code.'),
        col('note', 'string', 'Curator note.'),
        ...lifecycleColumns('place'),
      ],
      primaryKey: ['id'],
      foreignKeys: [fk('parent', 'places'), ...selfKey('places')],
      rows: function* () {
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
      },
    },
    {
      name: 'organisations',
      title: 'Organisations',
      description:
        'Police forces, agencies, prosecutors, courts and other bodies that appear in the data.',
      columns: [
        col('id', 'string', 'Organisation id.', true),
        col('name', 'string', 'Full official name.', true),
        col('short_name', 'string', 'Usual abbreviation.'),
        col('native_name', 'string', 'Name in its own language, when it differs.'),
        col(
          'kind',
          'string',
          'police-force, regional-unit, national-agency, prosecutor, court, eu-agency…',
          true,
        ),
        col('country', 'string', 'Id of the place (country) the organisation belongs to.'),
        col('places', 'list', 'Ids of the places it covers.'),
        col('parent', 'string', 'Id of the parent organisation.'),
        col('url', 'string', 'Web address.'),
        col('note', 'string', 'Curator note.'),
        ...lifecycleColumns('organisation'),
      ],
      primaryKey: ['id'],
      foreignKeys: [
        fk('country', 'places'),
        fk('parent', 'organisations'),
        ...selfKey('organisations'),
      ],
      rows: function* () {
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
      },
    },
    {
      name: 'operations',
      title: 'Operations',
      description:
        'Law-enforcement operations (Venetic, Eternal, Emma, Lemont…) with parent operation and lead organisations.',
      columns: [
        col('id', 'string', 'Operation id.', true),
        col('name', 'string', 'Name used by the authorities.', true),
        col('description', 'string', 'What the operation was.'),
        col('parent', 'string', 'Id of the parent operation.'),
        col('lead_organisations', 'list', 'Ids of the lead organisations.'),
        col('place', 'string', 'Id of the place it covers.'),
        col('networks', 'list', 'Ids of the networks it acted on.', true),
        ...edtfColumns('started', 'When it started'),
        ...edtfColumns('ended', 'When it ended'),
        col('note', 'string', 'Curator note.'),
        ...lifecycleColumns('operation'),
      ],
      primaryKey: ['id'],
      foreignKeys: [fk('parent', 'operations'), fk('place', 'places'), ...selfKey('operations')],
      rows: function* () {
        for (const o of byId(bundle.operations))
          yield {
            id: o.id,
            name: o.name,
            description: o.description ?? null,
            parent: o.parent ?? null,
            lead_organisations: list(o.lead_organisations),
            place: o.place ?? null,
            networks: list(o.networks),
            ...edtf('started', o.started),
            ...edtf('ended', o.ended),
            note: o.note ?? null,
            ...lifecycle(o),
          };
      },
    },
    {
      name: 'networks',
      title: 'Networks',
      description:
        'Encrypted communication networks taken down or infiltrated (EncroChat, Sky ECC, ANOM).',
      columns: [
        col('id', 'string', 'Network id.', true),
        col('name', 'string', 'Name as its operators and the authorities spell it.', true),
        col('kind', 'string', 'encrypted-phone-network, messaging-app or other.', true),
        col('description', 'string', 'What the network was.'),
        col('operator', 'string', 'Who ran it (a company), as far as public sources say.'),
        ...edtfColumns('active', 'When it was active'),
        ...edtfColumns('dismantled', 'When it was dismantled'),
        col('note', 'string', 'Curator note.'),
        ...lifecycleColumns('network'),
      ],
      primaryKey: ['id'],
      foreignKeys: [...selfKey('networks')],
      rows: function* () {
        for (const n of byId(bundle.networks))
          yield {
            id: n.id,
            name: n.name,
            kind: n.kind,
            description: n.description ?? null,
            operator: n.operator ?? null,
            ...edtf('active', n.active),
            ...edtf('dismantled', n.dismantled),
            note: n.note ?? null,
            ...lifecycle(n),
          };
      },
    },
    {
      name: 'persons',
      title: 'Persons',
      description:
        'Public officials quoted in their official role (never private people). Their roles are in person_roles.',
      columns: [
        col('id', 'string', 'Person id.', true),
        col('name', 'string', 'Name with title as the sources give it.', true),
        col(
          'official_capacity',
          'boolean',
          'Always true: recorded only as an official speaking in their role.',
          true,
        ),
        col('note', 'string', 'Curator note.'),
        ...lifecycleColumns('person'),
      ],
      primaryKey: ['id'],
      foreignKeys: [...selfKey('persons')],
      rows: function* () {
        for (const p of byId(bundle.persons))
          yield {
            id: p.id,
            name: p.name,
            official_capacity: p.official_capacity,
            note: p.note ?? null,
            ...lifecycle(p),
          };
      },
    },
    {
      name: 'person_roles',
      title: 'Roles of persons',
      description: 'One row per official role in which the sources quote a person.',
      columns: [
        col('person_id', 'string', 'Person id.', true),
        col('role', 'integer', 'Position of the role in the person record (1, 2…).', true),
        col('title', 'string', 'The role as the source names it.', true),
        col('organisation', 'string', 'Id of the organisation of the role.', true),
        ...edtfColumns('as_of', 'When the person held the role, as far as the sources say'),
      ],
      primaryKey: ['person_id', 'role'],
      foreignKeys: [fk('person_id', 'persons'), fk('organisation', 'organisations')],
      rows: function* () {
        for (const p of byId(bundle.persons))
          for (const [i, r] of p.roles.entries())
            yield {
              person_id: p.id,
              role: i + 1,
              title: r.title,
              organisation: r.organisation,
              ...edtf('as_of', r.as_of),
            };
      },
    },
    {
      name: 'events',
      title: 'Events',
      description:
        'The timeline: infiltration, warning, shutdown, announcements, rulings… Their sources are in event_sources.',
      columns: [
        col('id', 'string', 'Event id.', true),
        ...edtfColumns('date', 'When it happened', true),
        col(
          'kind',
          'string',
          'investigation, infiltration, warning, shutdown, announcement, arrests, charges, conviction, ruling, legislation or other.',
          true,
        ),
        col('title', 'string', 'One line saying what happened.', true),
        col('description', 'string', 'What happened.'),
        col('place', 'string', 'Id of the place.'),
        col('organisations', 'list', 'Ids of the organisations involved.'),
        col('operations', 'list', 'Ids of the operations involved.'),
        col('networks', 'list', 'Ids of the networks involved.'),
        col('court', 'string', 'For a ruling: id of the court.'),
        col('court_citation', 'string', 'For a ruling: neutral citation or case number.'),
        col('court_outcome', 'string', 'For a ruling: what was decided.'),
        col('note', 'string', 'Curator note.'),
        ...lifecycleColumns('event'),
      ],
      primaryKey: ['id'],
      foreignKeys: [fk('place', 'places'), fk('court', 'organisations'), ...selfKey('events')],
      rows: function* () {
        for (const e of byId(bundle.events))
          yield {
            id: e.id,
            ...edtf('date', e.date),
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
      },
    },
    {
      name: 'event_sources',
      title: 'Sources of events',
      description:
        'One row per source that reports an event, with the words that do (sources left out by --source-kind are left out here).',
      columns: [
        col('event_id', 'string', 'Event id.', true),
        col('source_id', 'string', 'Source id.', true),
        col('quote', 'string', 'The words of the source that report the event, verbatim.'),
      ],
      primaryKey: ['event_id', 'source_id'],
      foreignKeys: [fk('event_id', 'events'), fk('source_id', 'sources')],
      rows: function* () {
        const sourceIds = new Set(sources().map((s) => s.id));
        for (const e of byId(bundle.events)) {
          const links = e.sources
            .filter((s) => sourceIds.has(s.source))
            .sort((a, b) => compareCodeUnits(a.source, b.source));
          for (const s of links)
            yield { event_id: e.id, source_id: s.source, quote: s.quote ?? null };
        }
      },
    },
  ];
}
