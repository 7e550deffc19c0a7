import { byteOrderMark } from '@encrochat-ledger/core';
import type { FileRule } from '../rule.js';

/** FILE002: no byte order mark (it is invisible, and some JSON readers reject it). */
export const fileBom: FileRule = {
  code: 'FILE002',
  title: 'Byte order mark',
  severity: 'error',
  scope: 'file',
  check: byteOrderMark,
};
