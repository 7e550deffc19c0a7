/**
 * @encrochat-ledger/core — what every encrochat-ledger tool shares: the collections, the published
 * JSON Schemas with Ajv and their precompiled validators, EDTF dates, the number reader, the one
 * reader of data folders and bundles, the problem type, and the atomic writing of output folders.
 */
export { collections, collectionNames, isCollection, type CollectionName } from './collections.js';
export {
  createAjv,
  defaultSchemasDir,
  precompiledValidator,
  readSchemas,
  validatorFor,
  SCHEMA_BASE,
  SCHEMA_VERSION,
  type Ajv2020,
  type QuickValidator,
  type ValidateFunction,
} from './schemas.js';
export { addFormats, formats } from './formats.js';
export { fieldDescription, type RecordKind } from './schema-descriptions.js';
export {
  describeAjvErrors,
  MAX_MESSAGES_PER_POINTER,
  MAX_SCHEMA_POINTERS,
  type ErrorObject,
} from './schema-messages.js';
export { recordSchemaErrors, type SchemaValidators } from './schema-errors.js';
export { recordIssues, schemaIssues } from './check-records.js';
export {
  edtfBounds,
  isValidEdtf,
  plainBounds,
  qualifiedOrIntervalBounds,
  safeBounds,
  withoutTimeOfDay,
  type DateBounds,
} from './edtf.js';
export {
  candidateValues,
  CONVERTED_UNITS,
  matchesCandidate,
  monthsConvertExactly,
  plainPositions,
  readingsInUnit,
  readNumbers,
  significantDigits,
  statesPlainly,
  type Conversion,
  type NumberReading,
  type UnitReading,
} from './numbers-in-text.js';
export {
  readQualifier,
  wordedQualifier,
  type QualifierReading,
  type WordedQualifier,
} from './qualifier-words.js';
export { firstProblemLine, formatProblems, type Position, type Problem } from './problem.js';
export { escapePointerToken, unescapePointerToken } from './json-pointer.js';
export { locate, positioner, MAX_DEPTH, type DuplicateKey, type Located } from './json-locate.js';
export { pointerPositions } from './pointer-positions.js';
export { positionsByFile } from './positions.js';
export {
  collectInputs,
  dataFile,
  dataRootOf,
  dropBytes,
  isDataRoot,
  EXCEPTIONS_FILE,
  UsageError,
  type CollectOptions,
  type DataFile,
  type Inputs,
} from './data-files.js';
export { decodeUtf8, firstInvalidUtf8 } from './utf8.js';
export {
  abortAtomicOutputs,
  AtomicOutput,
  cannotWriteMessage,
  type OutputRules,
} from './atomic-output.js';
export { inputKind, isWithin, realPathOf, systemRootOf } from './input-paths.js';
export { endQuietlyWhenStdoutCloses } from './closed-stdout.js';
export { countMembersInText, countMembersInValue, keptEveryMember } from './duplicate-keys.js';
export { ReadFile, type ParsedFile } from './read-file.js';
export {
  assembleBundle,
  isBundle,
  recordsOf,
  type JsonRecord,
  type RecordEntry,
} from './records.js';
export {
  byteOrderMark,
  duplicateKeys,
  emptyFile,
  fileChecks,
  invalidJson,
  invalidUtf8,
  MAX_RECORD_BYTES,
  notRegularFile,
  oversizedFile,
  unknownCollection,
  type FileCheck,
  type FileIssue,
} from './file-checks.js';
export { badCharacters } from './text-characters.js';
export { findSupersessionCycles, type SupersessionCycle } from './supersession.js';
export { readData, readInputs, type DataReading, type RecordIssue } from './read-data.js';
