/** Every rule, in the order they run. One module per rule; each has a stable code. The file rules are the reader's checks (@encrochat-ledger/core's `fileChecks`), one code each. */
import type { DataRule, FileRule } from '../rule.js';
import { archiveHash, archiveQuotes } from './archive.js';
import { consistencyCumulative } from './consistency-cumulative.js';
import { consistencyDuplicates } from './consistency-duplicates.js';
import { consistencySameSeries } from './consistency-same-series.js';
import { consistencyFunnel } from './consistency-funnel.js';
import { datesAfterPublication } from './dates-after-publication.js';
import { datesBasis } from './dates-basis.js';
import { datesFuture } from './dates-future.js';
import { datesOrdered } from './dates-ordered.js';
import { datesStated } from './dates-stated.js';
import { disagreement } from './disagreement.js';
import { fileBom } from './file-bom.js';
import { fileCollection } from './file-collection.js';
import { fileEmpty } from './file-empty.js';
import { fileSize } from './file-size.js';
import { fileSpecial } from './file-special.js';
import { fileUtf8 } from './file-utf8.js';
import { idFileName } from './id-file-name.js';
import { idUnique } from './id-unique.js';
import { jsonCharacters } from './json-characters.js';
import { jsonDuplicateKeys } from './json-duplicate-keys.js';
import { jsonSyntax } from './json-syntax.js';
import { metricUnits } from './metric-units.js';
import { personOfficial } from './person-official.js';
import { quoteNumber } from './quote-number.js';
import { quoteQualifier } from './quote-qualifier.js';
import { referencesResolve } from './references.js';
import { referencesSupersession } from './references-supersession.js';
import { referencesWithdrawn } from './references-withdrawn.js';
import { schema } from './schema.js';
import { valueBounds } from './value-bounds.js';
import { valuePrecision } from './value-precision.js';

export const fileRules: FileRule[] = [
  fileSpecial,
  fileEmpty,
  fileBom,
  fileUtf8,
  fileSize,
  jsonSyntax,
  jsonDuplicateKeys,
  jsonCharacters,
  fileCollection,
];

export const dataRules: DataRule[] = [
  schema,
  idFileName,
  idUnique,
  referencesResolve,
  referencesWithdrawn,
  referencesSupersession,
  metricUnits,
  valueBounds,
  datesAfterPublication,
  datesFuture,
  datesOrdered,
  datesBasis,
  datesStated,
  quoteNumber,
  quoteQualifier,
  valuePrecision,
  archiveHash,
  archiveQuotes,
  consistencyFunnel,
  consistencyCumulative,
  consistencyDuplicates,
  consistencySameSeries,
  disagreement,
  personOfficial,
];

/** EXC001: an exception in data/validator-exceptions.json that no finding needs any more (or that is malformed). */
export const EXCEPTION_RULE = {
  code: 'EXC001',
  title: 'Unneeded exception',
  severity: 'error' as const,
};

export const allRules = [...fileRules, ...dataRules, EXCEPTION_RULE];
