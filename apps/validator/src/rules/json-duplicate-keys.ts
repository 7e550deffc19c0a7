import { duplicateKeys } from '@encrochat-ledger/core';
import type { FileRule } from '../rule.js';

/**
 * JSON002: a key appears twice in one object. JSON.parse silently keeps the last value, so the first
 * is lost data. A cheap count flags the file; the locating reader then finds each repeat.
 */
export const jsonDuplicateKeys: FileRule = {
  code: 'JSON002',
  title: 'Duplicate key',
  severity: 'error',
  scope: 'file',
  check: duplicateKeys,
};
