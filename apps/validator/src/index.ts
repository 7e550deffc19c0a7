/**
 * @encrochat-ledger/validator — the library behind `encrochat-ledger-validate`. What it shares with the
 * other tools (the collections, the schemas and Ajv, EDTF dates, the number reader, the reader of data
 * files with `collectInputs` for `validateInputs`) is @encrochat-ledger/core's.
 */
export { validate, validateInputs, type Report, type ValidateOptions } from './validate.js';
export type { Finding, Position, Severity } from './finding.js';
export {
  format,
  formatGithub,
  formatJson,
  formatSarif,
  formatText,
  FORMATS,
  type Format,
} from './format.js';
export { allRules, dataRules, fileRules } from './rules/index.js';
export { normaliseForQuote } from './quotes.js';
export { TIMING_SCOPES, type Timing, type TimingScope } from './timings.js';
