/** The `sources` table: one row per source document kept by --source-kind. */
import {
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

function sourceColumns(): Column[] {
  return [
    field('id', 'string', 'source.id', true),
    field('kind', 'string', 'source.kind', true),
    field('title', 'string', 'source.title', true),
    field('publisher', 'string', 'source.publisher'),
    field('publisher_organisation', 'string', 'source.publisher_organisation'),
    field('original_publisher', 'string', 'source.original_publisher'),
    field('authors', 'list', 'source.authors'),
    ...edtfColumns('published', schemaDescription('source.published')),
    field('url', 'string', 'source.url'),
    // The addresses of `copies`, which the schema describes as a whole.
    field('copy_urls', 'list', 'source.copies'),
    field('language', 'string', 'source.language', true),
    field('reliability', 'string', 'source.reliability', true),
    field('archive_file', 'string', 'source.archive.file'),
    field('archive_text_sha256', 'string', 'source.archive.text_sha256'),
    field('note', 'string', 'source.note'),
    col('claims', 'integer', 'Number of claims the source states in the dataset.', true),
    ...lifecycleColumns('source'),
  ];
}

function* sourceRows(context: CollectionContext): Generator<Row> {
  for (const s of context.sources())
    yield {
      id: s.id,
      kind: s.kind,
      title: s.title,
      publisher: s.publisher,
      publisher_organisation: s.publisher_organisation ?? null,
      original_publisher: s.original_publisher ?? null,
      authors: list(s.authors),
      ...edtfCells(context, 'published', s.published),
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
}

export function sourcesTable(context: CollectionContext): Table {
  return {
    name: 'sources',
    title: 'Sources',
    description:
      'One row per source document (article, press release, judgment, statistics) with its publication details and reliability.',
    columns: sourceColumns(),
    primaryKey: ['id'],
    foreignKeys: [fk('publisher_organisation', 'organisations'), ...selfKey(context, 'sources')],
    rows: () => sourceRows(context),
  };
}
