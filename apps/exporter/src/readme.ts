/**
 * The README.md of an export: what it is, the citation of the release, the files, the rules of the
 * derived tables and how to load them. Built from the data only (no clock), so it is reproducible.
 */
import { formatCitation } from '@encrochat-ledger/dataset';
import type { ClaimFilters, Format } from './args.js';
import { DATA_LICENSE, TITLE, tableFile } from './datapackage.js';
import type { Table } from './tables.js';

export interface ReadmeInput {
  version: string;
  schemaVersion: string;
  published: boolean;
  formats: readonly Format[];
  filters: ClaimFilters;
  excelSafe: boolean;
  tables: readonly { table: Table; rows: number }[];
  /** Latest last day of an exported claim's as_of, if any. */
  asOfThrough: string | null;
  /** Latest first day of publication of an exported claim's source, if any. */
  publishedThrough: string | null;
}

function describeFilters(filters: ClaimFilters): string[] {
  const lines: string[] = [];
  if (filters.metrics) lines.push(`- metric: ${filters.metrics.join(', ')}`);
  if (filters.places) lines.push(`- place (and places inside it): ${filters.places.join(', ')}`);
  if (filters.since) lines.push(`- as_of ending on or after ${filters.since}`);
  if (filters.until) lines.push(`- as_of starting on or before ${filters.until}`);
  if (filters.sourceKinds) lines.push(`- source kind: ${filters.sourceKinds.join(', ')}`);
  return lines;
}

/** The title, what the tables are, and how to cite them. */
function introduction({ version, published }: ReadmeInput): string[] {
  return [
    `# ${TITLE} — tables, release ${version}`,
    '',
    'Every public figure of the EncroChat takedown with its source, the date it refers to, its scope and a',
    'verbatim quote, as tables for pandas, R, DuckDB, Excel, BigQuery or Spark. Disagreeing sources are all kept.',
    '',
    '## Cite',
    '',
    // The one citation of the dataset (CITATION.cff's), as the README and the viewer give it.
    published
      ? `> ${formatCitation(version)}`
      : `> Exported from a bundle of version ${version} that is not the published @encrochat-ledger/dataset: cite its own publisher. The published dataset is cited as: ${formatCitation(version)}`,
    '',
    '```bibtex',
    formatCitation(version, { format: 'bibtex' }),
    '```',
    '',
  ];
}

/** The release, its claims and their dates; whether the export is filtered or excel-safe. */
function whatIsExported(input: ReadmeInput): string[] {
  const filters = describeFilters(input.filters);
  const claims = input.tables.find((t) => t.table.name === 'claims')?.rows ?? 0;
  return [
    `Release ${input.version} of @encrochat-ledger/dataset (schema ${input.schemaVersion}): ${claims} claims` +
      (input.asOfThrough ? `, referring to dates up to ${input.asOfThrough}` : '') +
      (input.publishedThrough ? `, from sources published up to ${input.publishedThrough}` : '') +
      '.',
    '',
    ...(filters.length
      ? [
          'This export is **filtered**: it keeps only the claims with',
          '',
          ...filters,
          '',
          'Series and conflicts are computed from these claims; the other tables are complete.',
          '',
        ]
      : []),
    ...(input.excelSafe
      ? [
          "The CSV files were written with `--excel-safe`: text cells that start with `=`, `+`, `-`, `@`, a tab or a CR carry a leading `'`, so spreadsheets do not run them. Load the Parquet files (or an export without `--excel-safe`) for analysis.",
          '',
        ]
      : []),
  ];
}

/** Every table with its files and rows, and the formats. */
function files(input: ReadmeInput): string[] {
  const rows = input.tables.map(
    ({ table, rows: n }) =>
      `| \`${table.name}\` | ${input.formats.map((f) => `\`${tableFile(table.name, f)}\``).join(' ')} | ${n} | ${table.title} |`,
  );
  return [
    '## Files',
    '',
    '| table | files | rows | what |',
    '|---|---|---|---|',
    ...rows,
    '',
    '`datapackage.json` describes every file (Frictionless Data Package v2: column types, descriptions,',
    'primary and foreign keys, bytes and SHA-256). `SHA256SUMS` lists the digest of every file; check',
    'them with `sha256sum -c SHA256SUMS`.',
    '',
    'CSV: RFC 4180, UTF-8, CRLF, a header row; an empty field is a missing value; lists are joined by',
    '`;`. Parquet: written by DuckDB with typed columns (VARCHAR, DOUBLE, BIGINT, BOOLEAN, DATE,',
    'VARCHAR[]) and zstd compression. Every EDTF date column `x` has `x_start` and `x_end` (days).',
    '',
  ];
}

/** The rules of the derived tables: series, conflicts and latest. */
const DERIVED_TABLES = [
  '## Series and conflicts',
  '',
  '`series` has one row per metric, breakdown, unit and scope (place, operation, organisations, networks)',
  'and per date (the exact days an `as_of` covers), with the best figure by this rule: the more',
  'reliable source (official > official-copy > legal > press > low), then a stated `as_of` over a',
  'publication date over an estimated one, then exact over bounded over approximate figures, then the',
  'latest publication, then the smallest claim id. `decided_by` says which criterion chose it.',
  '',
  '`conflicts` lists, claim by claim, the series points whose claims cannot all be true: each claim',
  'allows an interval of figures (exact and approximate: the value; more_than: above it; at_least: from',
  'it; nearly: below it; up_to: up to it; range: min to max) and no figure lies in all of them.',
  '',
  '## Latest: the figure to quote first',
  '',
  '`latest` has one row per series. Its headline is the latest official figure (official, official-copy',
  'or legal source) unless a later figure says something new. A later figure does not displace it when',
  "its date overlaps the headline's, when its interval contains the headline's (a restatement: \"more than",
  '6,500" after 6,558), when it is dated only by its publication and agrees with it, when it is dated by',
  "its publication and attributed to the headline's organisation (a relay, even rounded), or when it",
  'comes from a low-reliability source; any other later figure does (it disagrees, or narrows it with a',
  'stated date). `headline_kind` (official, newer-non-official, non-official-only) and `headline_reason`',
  'say which and why; the latest official figure and the latest figure of any source stand beside it,',
  "with the claims that disagree at the headline's date and, for totals, newer breakdowns (drugs by type).",
  '',
];

/** How to load the tables, and their licence. */
const LOAD_AND_LICENCE = [
  '## Load',
  '',
  '```python',
  'import pandas as pd',
  "claims = pd.read_parquet('claims.parquet')        # or pd.read_csv('claims.csv', keep_default_na=False, na_values=[''])",
  '```',
  '',
  '```r',
  'claims <- arrow::read_parquet("claims.parquet")   # or readr::read_csv("claims.csv")',
  '```',
  '',
  '```sql',
  "SELECT * FROM 'claims.parquet' JOIN 'sources.parquet' s ON s.id = source_id;  -- DuckDB",
  "SELECT metric, unit, headline_value, headline_qualifier, headline_as_of, headline_kind FROM 'latest.parquet'",
  "WHERE place = 'united-kingdom' AND breakdown_key IS NULL;                         -- one figure per series",
  '```',
  '',
  '## Licence',
  '',
  `Data: ${DATA_LICENSE.title} (${DATA_LICENSE.name}), ${DATA_LICENSE.path}. Quotes are short extracts of the`,
  'named sources, kept for verification; their copyright stays with their publishers.',
  '',
];

export function buildReadme(input: ReadmeInput): string {
  return [
    ...introduction(input),
    ...whatIsExported(input),
    ...files(input),
    ...DERIVED_TABLES,
    ...LOAD_AND_LICENCE,
  ].join('\n');
}
