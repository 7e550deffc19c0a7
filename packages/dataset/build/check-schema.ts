import { schemaIssues, type RecordEntry, type RecordIssue } from '@encrochat-ledger/core';

/**
 * The build's gate: every record validates against the published schema of its collection, described
 * like the validator's SCHEMA001 (@encrochat-ledger/core's schemaIssues: linear in a record's size,
 * capped).
 */
export function checkSchema(records: readonly RecordEntry[]): RecordIssue[] {
  return schemaIssues(records);
}
