import { emptyFile } from '@encrochat-ledger/core';
import type { FileRule } from '../rule.js';

/** FILE001: a data file must not be empty (or only white space). */
export const fileEmpty: FileRule = {
  code: 'FILE001',
  title: 'Empty file',
  severity: 'error',
  scope: 'file',
  check: emptyFile,
};
