import { collectionNames } from '../collections.js';
import { isBundle } from '../inputs.js';
import type { FileRule } from '../rule.js';

/** FILE005: a record file lives in a collection folder (data/<collection>/<id>.json), or is a bundle. */
export const fileCollection: FileRule = {
  code: 'FILE005',
  title: 'Unknown collection',
  severity: 'error',
  scope: 'file',
  check(file, read) {
    if (!read.parsed || file.collection !== null || isBundle(read.value)) return [];
    return [{ file, pointer: '', message: `cannot tell which collection this file belongs to: its folder is not one of ${collectionNames.join(', ')}`, hint: 'move it to data/<collection>/<id>.json' }];
  },
};
