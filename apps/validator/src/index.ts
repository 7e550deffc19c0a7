/** @encrochat-ledger/validator — the library behind `encrochat-ledger-validate`. */
export { validate, validateInputs, type Report, type ValidateOptions } from './validate.js';
export { collectInputs, type DataFile, type Inputs } from './inputs.js';
export type { Finding, Severity } from './finding.js';
export { format, formatGithub, formatJson, formatSarif, formatText, FORMATS, type Format } from './format.js';
export { allRules, dataRules, fileRules } from './rules/index.js';
export { createAjv, readSchemas, validatorFor, SCHEMA_BASE, SCHEMA_VERSION } from './schemas.js';
export { describeAjvErrors } from './rules/schema.js';
export { edtfBounds, isValidEdtf, withoutTimeOfDay, type DateBounds } from './edtf.js';
export { candidateValues, readNumbers } from './numbers-in-text.js';
export { collections, type CollectionName } from './collections.js';
export { normaliseForQuote } from './quotes.js';
export { locate } from './json-locate.js';
export { TIMING_SCOPES, type Timing, type TimingScope } from './timings.js';
