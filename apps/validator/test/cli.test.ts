/** The CLI as users run it: the broken-fixtures folder (one broken file per rule) in every format, exit codes, usage errors. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { MAX_RECORD_BYTES, type ValidateFunction } from '@encrochat-ledger/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '@encrochat-ledger/test-support';
import { allRules } from '../src/rules/index.js';
import { fixtures } from './helpers.js';

// The built CLI, as users run it (turbo builds before testing).
const cli = path.join(import.meta.dirname, '..', 'dist', 'cli.js');
const work = tempDir('cli');

function runCli(args: string[], cwd = work) {
  const r = spawnSync(process.execPath, [cli, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ENCROCHAT_ARCHIVE_DIR: '' },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  // The committed fixtures, plus what is not committed, built here: the file too large to commit
  // (FILE004), and a link inside the folder (FILE006; a link checked out by git may be a plain file).
  fs.cpSync(path.join(fixtures, 'broken'), path.join(work, 'broken'), { recursive: true });
  fs.cpSync(path.join(fixtures, 'archive'), path.join(work, 'archive'), { recursive: true });
  fs.writeFileSync(
    path.join(work, 'broken', 'places', 'file004-too-large.json'),
    JSON.stringify({
      id: 'file004-too-large',
      name: 'Too large',
      kind: 'other',
      note: 'x'.repeat(MAX_RECORD_BYTES),
    }),
  );
  fs.symlinkSync('../../archive', path.join(work, 'broken', 'places', 'file006-link'));
});

const base = ['--archive', 'archive', '--today', '2026-01-01', 'broken'];

describe('the broken fixtures', () => {
  it('trigger every rule at least once', () => {
    const { stdout, status } = runCli([...base, '--format', 'json']);
    expect(status).toBe(1);
    const codes = new Set(JSON.parse(stdout).findings.map((f: { code: string }) => f.code));
    expect([...codes].sort()).toEqual(allRules.map((r) => r.code).sort());
  });

  it.each(['text', 'json', 'sarif', 'github'] as const)(
    'give the same %s output as the snapshot',
    async (format) => {
      const { stdout, stderr, status } = runCli([...base, '--format', format]);
      expect(stderr).toBe('');
      expect(status).toBe(1);
      await expect(
        stdout.replace(/"version": "\d+\.\d+\.\d+"/, '"version": "X"'),
      ).toMatchFileSnapshot(
        `__snapshots__/broken.${format === 'text' ? 'txt' : format === 'github' ? 'github.txt' : `${format}.json`}`,
      );
    },
  );

  it('SARIF output validates against the SARIF 2.1.0 schema', () => {
    const schema = JSON.parse(
      fs.readFileSync(
        path.join(
          import.meta.dirname,
          '../../../node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json',
        ),
        'utf8',
      ),
    );
    // ajv-draft-04 (the SARIF schema is draft-04) is CommonJS with the class as `exports.default`.
    const Ajv04 = createRequire(import.meta.url)('ajv-draft-04').default as new (
      options: object,
    ) => { compile(schema: object): ValidateFunction };
    const ajv = new Ajv04({
      allErrors: true,
      strict: false,
      validateFormats: false,
      unicodeRegExp: false,
    });
    const validate = ajv.compile(schema);
    const sarif = JSON.parse(runCli([...base, '--format', 'sarif']).stdout);
    validate(sarif);
    expect(validate.errors ?? []).toEqual([]);
    expect(sarif.runs[0].results.length).toBeGreaterThan(20);
    // The schema really checks: a result without a message fails.
    delete sarif.runs[0].results[0].message;
    expect(validate(sarif)).toBe(false);
  });

  it('--timings adds, on stderr only, the time of reading, of every rule and of locating', () => {
    const plain = runCli([...base, '--format', 'json']);
    const { stdout, stderr, status } = runCli([...base, '--format', 'json', '--timings']);
    expect(status).toBe(1);
    expect(stdout).toBe(plain.stdout);
    const steps = new Map<string, { scope: string; ms: number }>();
    for (const m of stderr.matchAll(/^ +(\d+\.\d) ms {2}(\w+) +(.+)$/gm))
      steps.set(m[3]!.replace(/ \(.*\)$/, ''), { scope: m[2]!, ms: Number(m[1]) });
    for (const rule of allRules.filter((r) => 'scope' in r))
      expect(steps.get(rule.code)?.scope, rule.code).toBe((rule as { scope: string }).scope);
    for (const [step, scope] of [
      ['listing and reading the files', 'read'],
      ['decoding and parsing', 'read'],
      ['indexing the ids', 'dataset'],
      ['exceptions, locating and sorting the findings', 'report'],
    ])
      expect(steps.get(step!)?.scope, step).toBe(scope);
    // Each scope's total is the sum of its steps (to the rounding of the printed figures).
    const totals = new Map(
      [...stderr.matchAll(/^ +(\d+\.\d) ms {2}(\w+)$/gm)].map((m) => [m[2]!, Number(m[1])]),
    );
    expect([...totals.keys()].sort()).toEqual(
      [...new Set([...steps.values()].filter((s) => s.ms > 0).map((s) => s.scope))].sort(),
    );
    for (const [scope, total] of totals)
      expect(
        Math.abs(
          total -
            [...steps.values()].filter((s) => s.scope === scope).reduce((sum, s) => sum + s.ms, 0),
        ),
      ).toBeLessThan(0.1 * steps.size);
  });

  it('github format escapes newlines and separators', () => {
    const out = runCli([...base, '--format', 'github']).stdout;
    for (const line of out.trimEnd().split('\n'))
      expect(line).toMatch(
        /^::(error|warning|notice) file=[^,]+,line=\d+,col=\d+,title=[A-Z]+\d{3}::/,
      );
  });
});

describe('exit codes', () => {
  it('0 on clean data, with a summary line', () => {
    const clean = path.join(work, 'clean');
    fs.mkdirSync(path.join(clean, 'places'), { recursive: true });
    fs.writeFileSync(
      path.join(clean, 'places', 'world.json'),
      JSON.stringify({ id: 'world', name: 'World', kind: 'world' }),
    );
    const { status, stdout } = runCli(['clean']);
    expect(status).toBe(0);
    expect(stdout).toMatch(/1 files, 1 records, 0 claims: 0 error\(s\)/);
  });
  it('1 on warnings only with --fail-on-warnings, 0 without', () => {
    const dir = path.join(work, 'warn');
    fs.cpSync(path.join(fixtures, 'broken'), dir, { recursive: true });
    for (const f of fs.readdirSync(dir, { recursive: true }) as string[]) {
      const full = path.join(dir, f);
      if (
        fs.statSync(full).isFile() &&
        !/good-source|cons00|arrests|charges|convictions|cash_seized|world|united-kingdom|encrochat|nca\.json|jane-official/.test(
          f,
        )
      )
        fs.rmSync(full);
    }
    expect(runCli(['--archive', 'archive', 'warn']).status).toBe(0);
    expect(runCli(['--archive', 'archive', '--fail-on-warnings', 'warn']).status).toBe(1);
  });
  it('1 when no record is found at all (an empty folder: surely a mistyped path), the paths named', () => {
    fs.mkdirSync(path.join(work, 'empty', 'places'), { recursive: true });
    const { status, stderr } = runCli(['empty']);
    expect(status).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^encrochat-ledger-validate: no record found in empty: give the data folder/,
      ),
    ]);
  });
  it.each([
    [['--format', 'xml'], /--format must be one of text, json, sarif, github/],
    [['--colour'], /Unknown option '--colour'/],
    [['no-such-folder'], /no such file or folder: no-such-folder/],
    [['--today', '31/12/2025'], /--today must be a date/],
    [['--archive', 'nowhere'], /--archive nowhere: no such folder/],
  ])('2 with one clear line for %j', (args, message) => {
    const { status, stderr, stdout } = runCli(args);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(message);
  });
  it('--help lists the formats and examples, exit 0', () => {
    const { status, stdout } = runCli(['--help']);
    expect(status).toBe(0);
    expect(stdout).toContain('--format <f>');
    expect(stdout).toContain('Examples:');
  });
});
