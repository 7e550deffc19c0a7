import type { FileRule } from '../rule.js';

/** Largest record file accepted (a source with hundreds of claims stays far below it). */
export const MAX_RECORD_BYTES = 1024 * 1024;

/** FILE004: a record file is at most 1 MiB (bundles, which hold the whole dataset, are exempt). */
export const fileSize: FileRule = {
  code: 'FILE004',
  title: 'File too large',
  severity: 'error',
  scope: 'file',
  check(file) {
    if (file.bytes.length <= MAX_RECORD_BYTES || file.collection === null) return [];
    return [{ file, pointer: '', message: `the file has ${file.bytes.length} bytes; a record file may have at most ${MAX_RECORD_BYTES}`, hint: 'split the source, or shorten quotes and notes (quotes are one sentence or less)' }];
  },
};
