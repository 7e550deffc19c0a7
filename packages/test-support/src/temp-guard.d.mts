/** Types of @encrochat-ledger/test-support/temp-guard (a vitest globalSetup; see temp-guard.mjs). */

/** The environment variable that names the temporary folder the outermost guarded run started with. */
export declare const SYSTEM_TMPDIR_VARIABLE: string;
/** The system's temporary folder even inside a guarded run: for caches meant to outlive the run only. */
export declare function systemTmpdir(): string;
/** The caches tools keep in the temporary folder on purpose, which a guarded run links to their usual place. */
export declare function sharedCaches(): string[];
/** Gives the run a temporary folder of its own; the returned teardown fails the run if anything is left in it. */
export default function setup(project?: { config?: { root?: string } }): () => void;
/** The message of a failed guard: the entries left, grouped, and the fix. */
export declare function leftoverReport(name: string, dir: string, entries: string[]): string;
