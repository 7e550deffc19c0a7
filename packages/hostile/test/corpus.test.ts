/**
 * The corpus and its harness, checked on their own: every case builds what it says, and the
 * harness catches what it must (a stack trace, a signal, a hang, a wrong exit code, a refusal
 * that does not name its file, an endless refusal), with real processes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '@encrochat-ledger/test-support';
import {
  assertClean,
  assertOutcome,
  hostileCases,
  knownGaps,
  MAX_REFUSAL_LINES,
  runTool,
  verdictOf,
  type HostileCase,
} from '../src/index.mjs';

const tmp = () => tempDir('hostile');

describe('the cases', () => {
  it('have unique kebab-case names, a one-line description, a verdict, and a message to look for when refused', () => {
    const names = hostileCases.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    for (const c of hostileCases) {
      expect(c.name).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(c.about).not.toContain('\n');
      expect(['refuse', 'accept']).toContain(c.expect);
      if (c.expect === 'refuse') expect(c.message, c.name).toBeInstanceOf(RegExp);
    }
    expect(hostileCases.filter((c) => c.expect === 'accept').map((c) => c.name)).toEqual([
      'valid-minimal',
      'bundle-valid',
    ]);
  });

  it('name known gaps of known tools and cases only, each with its reason', () => {
    const names = new Set(hostileCases.map((c) => c.name));
    for (const [tool, gaps] of Object.entries(knownGaps)) {
      expect(['validator', 'exporter', 'diff', 'build']).toContain(tool);
      for (const [name, reason] of Object.entries(gaps)) {
        expect(names.has(name), name).toBe(true);
        expect(reason.length).toBeGreaterThan(40);
      }
    }
  });

  it.each(hostileCases.map((c) => [c.name, c] as const))(
    '%s builds its input in an empty folder',
    (_name, kase: HostileCase) => {
      const dir = tmp();
      const input = kase.make(dir);
      expect(Object.keys(input)).toHaveLength(1);
      if ('data' in input) expect(fs.statSync(input.data).isDirectory()).toBe(true);
      else if ('file' in input) expect(fs.lstatSync(input.file)).toBeTruthy();
      else expect(input.args.length).toBeGreaterThan(0);
    },
  );

  it('builds the large inputs here: 40,000 zeros as claims, 100,000 unknown keys under 1 MiB', () => {
    const zeros = hostileCases.find((c) => c.name === 'claims-of-zeros')!.make(tmp());
    const source = fs.readFileSync(
      path.join((zeros as { data: string }).data, 'sources', 'hostile-source.json'),
      'utf8',
    );
    expect(JSON.parse(source).claims).toEqual(new Array(40_000).fill(0));
    const keys = hostileCases.find((c) => c.name === 'unknown-keys-100k')!.make(tmp());
    const file = path.join((keys as { data: string }).data, 'places', 'many-keys.json');
    expect(Object.keys(JSON.parse(fs.readFileSync(file, 'utf8')))).toHaveLength(100_004);
    expect(fs.statSync(file).size).toBeLessThanOrEqual(1024 * 1024);
  });
});

const script = (code: string) => ['--input-type=module', '-e', code];
const refuse: HostileCase = {
  name: 'some-case',
  about: 'a case',
  make: () => ({ args: [] }),
  expect: 'refuse',
  message: /broken\.json/,
};
const accept: HostileCase = { ...refuse, expect: 'accept' };

describe('the harness', () => {
  it('passes a clean refusal and a clean acceptance', async () => {
    const refused = await runTool(
      script('console.error("tool: data/broken.json:1:1: bad"); process.exitCode = 2;'),
    );
    expect(verdictOf(refused)).toBe('refuse');
    assertOutcome(refused, refuse);
    const accepted = await runTool(script('console.log("fine")'));
    expect(verdictOf(accepted)).toBe('accept');
    assertOutcome(accepted, accept);
  });

  it('fails a stack trace, a wrong verdict, a refusal that does not name the file, and an endless one', async () => {
    const crash = await runTool(script('throw new Error("data/broken.json")'));
    expect(() => assertOutcome(crash, refuse)).toThrow(/a stack trace on stderr/);
    const ok = await runTool(script(''));
    expect(() => assertOutcome(ok, refuse)).toThrow(/expected a refusal/);
    const silent = await runTool(script('console.error("no"); process.exitCode = 1;'));
    expect(() => assertOutcome(silent, refuse)).toThrow(/does not name/);
    expect(() => assertOutcome(silent, accept)).toThrow(/expected to accept it/);
    const endless = await runTool(
      script(
        `for (let i = 0; i <= ${MAX_REFUSAL_LINES}; i++) console.error("data/broken.json: bad"); process.exitCode = 1;`,
      ),
    );
    expect(() => assertOutcome(endless, refuse)).toThrow(/lines of output; a refusal is capped/);
  });

  it('fails a signal and a hang (the guard kills the process and says so)', async () => {
    const killed = await runTool(script('process.kill(process.pid, "SIGTERM")'));
    expect(verdictOf(killed)).toBe('signal SIGTERM');
    expect(() => assertClean(killed)).toThrow(/ended by signal SIGTERM/);
    const hung = await runTool(script('setInterval(() => {}, 1000)'), { timeoutMs: 1000 });
    expect(verdictOf(hung)).toBe('hang');
    expect(() => assertClean(hung)).toThrow(/killed \(a hang\)/);
  });

  it('bounds the memory: a tool that keeps everything dies instead of swapping', async () => {
    const hog = await runTool(
      script('const keep = []; for (;;) keep.push(new Array(1e6).fill({ a: 1 }));'),
    );
    expect(verdictOf(hog)).not.toBe('accept');
    expect(hog.stderr).toMatch(/heap out of memory/i);
  });

  it('closes stdin, and closes stdout after the bytes asked for, as `| head -c1` does', async () => {
    const stdin = await runTool(
      script('let n = 0; for await (const c of process.stdin) n += c.length; console.log(n);'),
    );
    expect(stdin.stdout).toBe('0\n');
    // Without a handler, the write after the reader left is an EPIPE error with a stack trace.
    const piped = await runTool(
      script(
        'const chunk = "x".repeat(65536); for (let i = 0; i < 64; i++) process.stdout.write(chunk);',
      ),
      { closeStdoutAfter: 1 },
    );
    expect(piped.stderr).toMatch(/EPIPE/);
    expect(() => assertClean(piped)).toThrow(/stack trace/);
  });
});
