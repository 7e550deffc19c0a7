/**
 * A reader that stops reading (`encrochat-ledger-validate --format sarif | head -c1`) closes the
 * pipe, and the next write fails with EPIPE. Node reports that as an 'error' event of stdout, which
 * nobody listens to: an uncaught exception and a stack trace. The tools end quietly instead, with
 * the exit code of their run (the reader took what it wanted, as with `head`); the rest of the
 * output is dropped. Any other failure to write (a full disk under `> file`) is one line on stderr
 * and exit code 2.
 */
export function endQuietlyWhenStdoutCloses(
  name: string,
  stdout: NodeJS.WriteStream = process.stdout,
): void {
  stdout.on('error', (error: NodeJS.ErrnoException) => {
    stdout.destroy();
    if (error.code === 'EPIPE') return;
    process.stderr.write(`${name}: cannot write the output (${error.code ?? error.message})\n`);
    process.exitCode = 2;
  });
}
