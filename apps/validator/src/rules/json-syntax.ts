import { invalidJson } from '@encrochat-ledger/core';
import type { FileRule } from '../rule.js';

/** JSON001: the file is valid JSON; the error is located to its line and column. */
export const jsonSyntax: FileRule = {
  code: 'JSON001',
  title: 'Invalid JSON',
  severity: 'error',
  scope: 'file',
  check: invalidJson,
};
