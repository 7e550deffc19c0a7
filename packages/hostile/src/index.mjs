/** @encrochat-ledger/hostile: the hostile-input corpus every tool runs, and the harness that runs them. */
export { hostileCases, knownGaps } from './cases.mjs';
export {
  assertClean,
  assertOutcome,
  HANG_GUARD_MS,
  MAX_OLD_SPACE_MB,
  MAX_REFUSAL_LINES,
  runTool,
  STACK_TRACE,
  verdictOf,
} from './run-tool.mjs';
export {
  claim,
  jsonText,
  source,
  SOURCE_ID,
  validFiles,
  vocabulary,
  writeDataFolder,
} from './records.mjs';
