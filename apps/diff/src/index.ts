/** @encrochat-ledger/diff — the library behind `encrochat-ledger-diff`. */
export { diff, diffSides } from './diff.js';
export {
  loadSide,
  loadBundle,
  loadFolder,
  loadDataFolder,
  loadGitRef,
  loadPackage,
  emptySide,
  readSchemaFolders,
  type Side,
  type Schemas,
} from './load.js';
export { diffRecords, diffCollection, diffFields, diffFieldSets } from './records.js';
export { diffSchemas } from './schemas.js';
export { formatText, formatJson, formatMarkdown, summaryLine } from './format.js';
export { parseArgs, USAGE } from './args.js';
export { BUMPS, bumpRank, maxBump, type Bump } from './bump.js';
export { DiffUsageError } from './errors.js';
export { releasedSchemaMutations, type SchemaMutation } from './immutable.js';
export {
  checkChangesets,
  readChangesets,
  declaredBump,
  bumpBetween,
  lastReleaseTag,
  DATASET,
  type CheckResult,
  type PendingChangeset,
} from './changesets.js';
export type {
  DataDiff,
  RecordChange,
  RecordChangeKind,
  FieldChange,
  FieldSetChange,
  SchemaChange,
  SideInfo,
  Collection,
} from './types.js';
