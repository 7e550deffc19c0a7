/** Checks data/ (schema, identity, references, archived quotes) and prints every problem. */
import { checkArchive } from './check-archive.js';
import { checkReferences } from './check-references.js';
import { checkSchema } from './check-schema.js';
import { DataError, formatProblems, loadData } from './load-data.js';
import { archiveDir } from './archive-dir.js';

try {
  const records = loadData();
  const archive = checkArchive(records, archiveDir());
  const problems = [...checkSchema(records), ...checkReferences(records), ...archive.problems];
  const claims = records.filter((r) => r.collection === 'sources').reduce((n, r) => n + ((r.record.claims as unknown[]) ?? []).length, 0);
  if (problems.length) {
    console.error(formatProblems(problems));
    console.error(`\n${problems.length} problem(s) in ${records.length} records.`);
    process.exitCode = 1;
  } else {
    console.log(`data/ is clean: ${records.length} records, ${claims} claims; ${archive.checkedQuotes} quotes found verbatim in ${archive.checkedSources} archived texts.`);
  }
} catch (error) {
  if (error instanceof DataError) {
    console.error(error.message);
    process.exitCode = 1;
  } else throw error;
}
