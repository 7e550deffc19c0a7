/**
 * @encrochat-ledger/check — check a figure against the ledger: `checkText` reads the figures of a
 * sentence or a draft and answers each from the dataset (see check.ts and the README).
 */
export {
  CHECK_FORMAT,
  checkText,
  CheckError,
  figureWords,
  MAX_TEXT_LENGTH,
  type Answer,
  type Bounds,
  type CheckData,
  type CheckResult,
  type ClaimCheck,
  type FigureCheck,
} from './check.js';
export { formatText } from './format-text.js';
export { METRIC_SYNONYMS, type MetricRecord } from './metric-words.js';
export { ALSO_COMPARED, PLACE_SYNONYMS, type PlaceRecord } from './place-words.js';
