/** Types of @encrochat-ledger/test-support (plain JavaScript, run as it is). */

/**
 * A new, empty folder `<os.tmpdir()>/ecl-<label>-XXXXXX`, removed when the test that made it ends
 * (passed or failed), or, made outside a test or in a concurrent one, after the file's tests.
 * `parent`: where to make it instead of the temporary folder (a shorter path, for a Unix socket).
 */
export declare function tempDir(label: string, parent?: string): string;
/** Removes a file or folder and everything in it, also what a test made unwritable; links are not followed. */
export declare function removeTree(target: string): void;
