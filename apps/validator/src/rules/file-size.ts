import { oversizedFile } from '@encrochat-ledger/core';
import type { FileRule } from '../rule.js';

/** FILE004: a record file is at most 1 MiB (`MAX_RECORD_BYTES`; bundles, which hold the whole dataset, are exempt). */
export const fileSize: FileRule = {
  code: 'FILE004',
  title: 'File too large',
  severity: 'error',
  scope: 'file',
  check: oversizedFile,
};
