import { notRegularFile } from '@encrochat-ledger/core';
import type { FileRule } from '../rule.js';

/** FILE006: every entry of a data folder is a regular file: links, FIFOs, devices and folders named like a record are reported, never opened. */
export const fileSpecial: FileRule = {
  code: 'FILE006',
  title: 'Not a regular file',
  severity: 'error',
  scope: 'file',
  check: notRegularFile,
};
