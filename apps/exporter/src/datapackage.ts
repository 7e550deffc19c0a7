/**
 * datapackage.json: a Frictionless Data Package (v2) describing every data file of the export and
 * its README — Table Schema with types, descriptions, required constraints, primary and foreign
 * keys, the CSV dialect, licence, sources, version, bytes and sha256 hash. SHA256SUMS (written
 * after it) covers datapackage.json itself, which therefore cannot list SHA256SUMS.
 *
 * No timestamp: `created` is left out, as the bundle carries no release date; the version of the
 * dataset identifies the release.
 */
import { citation } from '@encrochat-ledger/dataset';
import type { ClaimFilters, Format } from './args.js';
import type { FileDigest } from './checksums.js';
import { CSV_DIALECT, LIST_DELIMITER } from './csv.js';
import type { Column, Table } from './tables.js';

/** The `name` of the export's data package (also how a previous export is recognised). */
export const EXPORT_PACKAGE_NAME = 'encrochat-ledger';
export const PROFILE = 'https://datapackage.org/profiles/2.0/datapackage.json';
export const HOMEPAGE = 'https://github.com/encrochat-ledger/encrochat-ledger';
export const TITLE = 'EncroChat ledger: what the EncroChat takedown produced';
export const DATA_LICENSE = {
  name: 'CC-BY-4.0',
  path: 'https://creativecommons.org/licenses/by/4.0/',
  title: 'Creative Commons Attribution 4.0 International',
};

export const MEDIA_TYPES: Readonly<Record<Format, string>> = {
  csv: 'text/csv',
  parquet: 'application/vnd.apache.parquet',
};

/** The resource name of a table in a format: `claims-csv`, `claims-parquet`. */
export const resourceName = (table: string, format: Format): string => `${table}-${format}`;
/** The file of a table in a format: `claims.csv`, `claims.parquet`. */
export const tableFile = (table: string, format: Format): string => `${table}.${format}`;

export interface WrittenTable {
  table: Table;
  format: Format;
  rows: number;
  digest: FileDigest;
}

export interface DatapackageInput {
  version: string;
  schemaVersion: string;
  /** True for the installed @encrochat-ledger/dataset; false for a --dataset bundle. */
  published: boolean;
  formats: readonly Format[];
  filters: ClaimFilters;
  excelSafe: boolean;
  written: readonly WrittenTable[];
  readme: FileDigest;
}

/**
 * A column as a Table Schema field of a resource of `format`. A list of ids is, in CSV, a string of
 * values joined by LIST_DELIMITER (said in its description), and in Parquet a LIST, an `array`: the
 * Data Package v2 profile the project validates against (vendor/frictionless) has no `list` type.
 */
function field(column: Column, format: Format): Record<string, unknown> {
  const list = column.type === 'list';
  return {
    name: column.name,
    type: list ? (format === 'csv' ? 'string' : 'array') : column.type,
    description:
      list && format === 'csv'
        ? `${column.description} Several values are separated by "${LIST_DELIMITER}".`
        : column.description,
    ...(column.required ? { constraints: { required: true } } : {}),
  };
}

/** The Table Schema of a table as a resource of one format (foreign keys point at resources of the same format). */
export function tableSchema(table: Table, format: Format): Record<string, unknown> {
  return {
    fields: table.columns.map((column) => field(column, format)),
    primaryKey: [...table.primaryKey],
    ...(table.foreignKeys.length
      ? {
          foreignKeys: table.foreignKeys.map((key) => ({
            fields: [...key.fields],
            reference: {
              // Omitted `resource`: a reference to the same resource (Table Schema v2).
              ...(key.reference.table === table.name
                ? {}
                : { resource: resourceName(key.reference.table, format) }),
              fields: [...key.reference.fields],
            },
          })),
        }
      : {}),
    ...(format === 'csv' ? { missingValues: [''] } : {}),
  };
}

const hash = (digest: FileDigest) => ({ bytes: digest.bytes, hash: `sha256:${digest.sha256}` });

/** The descriptor. Key order is fixed, so the same input gives the same bytes. */
export function buildDatapackage(input: DatapackageInput): Record<string, unknown> {
  const { version } = input;
  return {
    $schema: PROFILE,
    name: EXPORT_PACKAGE_NAME,
    title: TITLE,
    description:
      'Every public figure of the EncroChat takedown (arrests, charges, convictions, years of imprisonment, cash, drugs, firearms, handsets…) with its source, the date it refers to, its scope and a verbatim quote, as tables: one per collection, joined by explicit keys, plus the derived series (best figure per metric, scope and date), conflicts (claims that disagree) and latest (per series, the figure to quote first). Disagreeing sources are all kept.',
    version,
    homepage: HOMEPAGE,
    keywords: ['encrochat', 'operation-venetic', 'organised-crime', 'policing', 'open-data'],
    licenses: [DATA_LICENSE],
    // The authors of CITATION.cff, so that the export and its citation name the same people.
    contributors: citation.authors.map((a) => ({ title: a.name, roles: ['creator'] })),
    sources: [
      input.published
        ? {
            title: `@encrochat-ledger/dataset ${version}`,
            path: `https://www.npmjs.com/package/@encrochat-ledger/dataset/v/${version}`,
            version,
          }
        : {
            title: `An encrochat-ledger bundle (data.json) of version ${version}, not the published @encrochat-ledger/dataset`,
            version,
          },
    ],
    'encrochat:export': {
      dataset_version: version,
      schema_version: input.schemaVersion,
      formats: [...input.formats],
      excel_safe: input.excelSafe,
      filters: {
        metric: input.filters.metrics ?? null,
        place: input.filters.places ?? null,
        since: input.filters.since ?? null,
        until: input.filters.until ?? null,
        source_kind: input.filters.sourceKinds ?? null,
      },
    },
    resources: [
      ...input.written.map(({ table, format, rows, digest }) => ({
        name: resourceName(table.name, format),
        type: 'table',
        path: digest.path,
        title: table.title,
        description:
          format === 'csv' && input.excelSafe
            ? `${table.description} Written with --excel-safe: text cells starting with = + - @ tab or CR carry a leading '.`
            : table.description,
        format,
        mediatype: MEDIA_TYPES[format],
        ...(format === 'csv' ? { encoding: 'utf-8', dialect: { ...CSV_DIALECT } } : {}),
        ...hash(digest),
        'encrochat:rows': rows,
        schema: tableSchema(table, format),
      })),
      {
        name: 'readme',
        path: input.readme.path,
        title: 'About this export and how to cite it',
        format: 'md',
        mediatype: 'text/markdown',
        encoding: 'utf-8',
        ...hash(input.readme),
      },
    ],
  };
}
