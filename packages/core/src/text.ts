/**
 * @encrochat-ledger/core/text — the readers of figures in text alone: the number reader and the
 * qualifier words. No Node APIs and no dependencies, so a page can bundle them without the rest of
 * core (Ajv, the schemas, the file readers). The same modules as the main entry exports.
 */
export {
  CONVERTED_UNITS,
  readingsInUnit,
  readNumbers,
  significantDigits,
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
