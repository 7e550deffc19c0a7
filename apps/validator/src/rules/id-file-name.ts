import path from 'node:path';
import type { DataRule, Issue } from '../rule.js';

/** ID001: a record's id equals its file name (data/<collection>/<id>.json). Not checked inside bundles. */
export const idFileName: DataRule = {
  code: 'ID001',
  title: 'Id matches file name',
  severity: 'error',
  scope: 'record',
  check(ctx) {
    const issues: Issue[] = [];
    for (const entry of ctx.records) {
      if (entry.base !== '') continue;
      const expected = path.basename(entry.file.abs, '.json');
      const id = entry.record.id;
      if (typeof id === 'string' && id !== expected)
        issues.push({
          entry,
          pointer: '/id',
          message: `id "${id}" does not match the file name "${expected}.json"`,
          hint: `rename the file to ${id}.json, or set id to "${expected}"`,
        });
    }
    return issues;
  },
};
