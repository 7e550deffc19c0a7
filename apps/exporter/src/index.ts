/** @encrochat-ledger/exporter — the library behind `encrochat-ledger-export`. */
export {
  parseArgs,
  USAGE,
  FORMATS,
  SOURCE_KINDS,
  type ClaimFilters,
  type ExportOptions,
  type Format,
  type ParsedArgs,
  type SourceKind,
} from './args.js';
export { exportDataset, abortRunningExports, type ExportResult } from './export.js';
export {
  buildTables,
  claimsColumns,
  latestColumns,
  DUCKDB_TYPES,
  type Cell,
  type Column,
  type ColumnType,
  type ForeignKey,
  type Row,
  type Table,
  type TableSet,
} from './tables.js';
export { datasetFromFile, packagedDataset, type LoadedDataset } from './dataset-source.js';
export { claimFilter, placesWithin, isFiltered } from './filters.js';
export {
  csvField,
  csvHeader,
  csvLine,
  excelSafe,
  formatCell,
  writeCsv,
  CSV_DIALECT,
  LIST_DELIMITER,
} from './csv.js';
export { ParquetWriter, THREADS, MEMORY_LIMIT, ROW_GROUP_SIZE } from './parquet.js';
export {
  buildDatapackage,
  tableSchema,
  resourceName,
  tableFile,
  EXPORT_PACKAGE_NAME,
  PROFILE,
} from './datapackage.js';
export { digestFile, sha256sums, type FileDigest } from './checksums.js';
export { buildReadme } from './readme.js';
export { AtomicOutput } from './atomic-output.js';
export { edtfBounds } from './dates.js';
export { UsageError, ExportError } from './errors.js';
