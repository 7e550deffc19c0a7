/**
 * The harness: a tool's CLI run as a real process, as a user runs it, with bounded memory and stdin
 * closed; and the check of what it did with a hostile case. No timing is asserted: the spawn timeout
 * only turns a hang into a failure that says so.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';

/** The heap a tool gets: enough for any case, small enough that a runaway reader fails instead of swapping. */
export const MAX_OLD_SPACE_MB = 512;
/** After this long a run counts as hung (a guard, not a limit on speed: the machine may be loaded). */
export const HANG_GUARD_MS = 10 * 60 * 1000;
/** Output kept per stream (the rest is counted, not kept). */
const KEEP_BYTES = 4 << 20;

/**
 * Runs `node --max-old-space-size=512 <command…>` (command[0] is the script, e.g. a CLI's
 * dist/cli.js) with stdin at end of file. `closeStdoutAfter: n` closes the reading end of stdout
 * once n bytes arrived, as `| head -c n` does.
 */
export function runTool(command, opts = {}) {
  const { cwd, env, closeStdoutAfter, timeoutMs = HANG_GUARD_MS } = opts;
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [`--max-old-space-size=${MAX_OLD_SPACE_MB}`, ...command],
      {
        cwd,
        env: { ...process.env, NO_COLOR: '1', ...env },
        stdio: ['pipe', 'pipe', 'pipe'],
      },
    );
    child.stdin.end();
    const out = { stdout: [], stderr: [], kept: { stdout: 0, stderr: 0 }, seen: 0 };
    const keep = (name) => (chunk) => {
      if (out.kept[name] < KEEP_BYTES) {
        out[name].push(chunk);
        out.kept[name] += chunk.length;
      }
    };
    child.stdout.on('data', keep('stdout'));
    child.stderr.on('data', keep('stderr'));
    if (closeStdoutAfter !== undefined)
      child.stdout.on('data', (chunk) => {
        out.seen += chunk.length;
        if (out.seen >= closeStdoutAfter) child.stdout.destroy();
      });
    let timedOut = false;
    const guard = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(guard);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(guard);
      resolve({
        command,
        code,
        signal,
        timedOut,
        stdout: Buffer.concat(out.stdout).toString('utf8'),
        stderr: Buffer.concat(out.stderr).toString('utf8'),
      });
    });
  });
}

/** A line of a JavaScript stack trace ("    at f (file.js:1:2)"), or Node's internals named. */
export const STACK_TRACE = /^\s+at .+:\d+:\d+\)?$/m;

/** Fails unless the run shows no stack trace, no Node internals, no signal and no hang. */
export function assertClean(result, what = result.command.join(' ')) {
  assert.ok(
    !result.timedOut,
    `${what}: still running after the hang guard; it was killed (a hang)`,
  );
  assert.equal(
    result.signal,
    null,
    `${what}: ended by signal ${result.signal}\n${result.stderr.slice(-2000)}`,
  );
  for (const stream of ['stdout', 'stderr']) {
    const text = result[stream];
    assert.ok(
      !STACK_TRACE.test(text),
      `${what}: a stack trace on ${stream}:\n${text.slice(0, 2000)}`,
    );
    assert.ok(
      !text.includes('node:internal'),
      `${what}: Node internals on ${stream}:\n${text.slice(0, 2000)}`,
    );
  }
}

/** Output lines a refusal may take: one per problem, capped per file, plus a summary (the cap is "and N more"). */
export const MAX_REFUSAL_LINES = 200;

/**
 * Checks what a tool did with a case. refuse: exit 1 or 2, the output (stderr, or stdout for the
 * validator's findings) matches the case's `message` (the file, pointer or path it must name), at
 * most MAX_REFUSAL_LINES lines; accept: exit 0. Always: no hang, no signal, no stack trace.
 */
export function assertOutcome(result, kase, what = `${kase.name}: ${result.command.join(' ')}`) {
  assertClean(result, what);
  const output = `${result.stderr}\n${result.stdout}`;
  if (kase.expect === 'accept') {
    assert.equal(
      result.code,
      0,
      `${what}: expected to accept it (exit 0), got exit ${result.code}:\n${output.slice(0, 2000)}`,
    );
    return;
  }
  assert.ok(
    result.code === 1 || result.code === 2,
    `${what}: expected a refusal (exit 1 or 2), got exit ${result.code}:\n${output.slice(0, 2000)}`,
  );
  assert.ok(result.stderr.trim() || result.stdout.trim(), `${what}: refused without a word`);
  if (kase.message)
    assert.match(output, kase.message, `${what}: the refusal does not name ${kase.message}`);
  const lines = output.split('\n').filter((l) => l.trim()).length;
  assert.ok(
    lines <= MAX_REFUSAL_LINES,
    `${what}: ${lines} lines of output; a refusal is capped (at most ${MAX_REFUSAL_LINES})`,
  );
}

/** The verdict of a run, for comparing tools: 'accept', 'refuse', or what went wrong. */
export function verdictOf(result) {
  if (result.timedOut) return 'hang';
  if (result.signal) return `signal ${result.signal}`;
  if (result.code === 0) return 'accept';
  if (result.code === 1 || result.code === 2) return 'refuse';
  return `exit ${result.code}`;
}
