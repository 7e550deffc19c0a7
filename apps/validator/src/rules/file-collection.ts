import { unknownCollection } from '@encrochat-ledger/core';
import type { FileRule } from '../rule.js';

/** FILE005: a record file lives in a collection folder (data/<collection>/<id>.json), or is a bundle. */
export const fileCollection: FileRule = {
  code: 'FILE005',
  title: 'Unknown collection',
  severity: 'error',
  scope: 'file',
  check: unknownCollection,
};
