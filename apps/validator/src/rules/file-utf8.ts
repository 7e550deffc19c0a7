import { invalidUtf8 } from '@encrochat-ledger/core';
import type { FileRule } from '../rule.js';

/** FILE003: data files are valid UTF-8 (the first bad byte is located). */
export const fileUtf8: FileRule = {
  code: 'FILE003',
  title: 'Invalid UTF-8',
  severity: 'error',
  scope: 'file',
  check: invalidUtf8,
};
