/**
 * encrochat-ledger-check run as a real process, through its committed launcher (bin/) and the built
 * dist/cli.js, against the installed dataset: text and JSON, a draft on stdin, and every usage error
 * in one line with exit code 2.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { version } from '@encrochat-ledger/dataset';

const bin = path.resolve(import.meta.dirname, '../bin/encrochat-ledger-check.js');

function run(args: string[], input?: string | Buffer) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    input: input ?? '',
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const SENTENCE = 'Police across Europe made more than 6,500 arrests';
const EUROPOL = 'europol-2023-06-27-dismantling-encrochat-6500-arrests/world-arrests';

describe('encrochat-ledger-check', () => {
  it('answers in text: what it understood, the answer, the claims with source, date and quote', () => {
    const { code, stdout, stderr } = run([SENTENCE]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('1. "more than 6,500 arrests"');
    expect(stdout).toContain("understood: '6,500' read as more than 6,500 ('more than')");
    expect(stdout).toContain("understood: place 'Europe' → Europe (europe)");
    expect(stdout).toMatch(
      /answer: AGREES with the figure to quote first: 6,558, World, 2023-06-27/,
    );
    expect(stdout).toContain('"6 558 suspects arrested, amongst whom 197 High Value Targets"');
    expect(stdout).toContain(EUROPOL);
    expect(stdout).toMatch(/contradicts \d+ claims:/);
    expect(stdout).toContain("Not used: 'Police'");
    expect(stdout).toContain(`Checked against encrochat-ledger ${version}.`);
  });

  it('answers in JSON, the format the README documents', () => {
    const { code, stdout } = run(['more than 10,000 arrests in the UK', '--format', 'json']);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({
      format: 'encrochat-ledger-check/1',
      dataset_version: version,
      text: 'more than 10,000 arrests in the UK',
      not_figures: [],
      unused_words: [],
    });
    expect(result.figures).toHaveLength(1);
    expect(result.figures[0]).toMatchObject({
      answer: 'contradicts',
      metric: 'arrests',
      place: 'united-kingdom',
      headline: { figure: '3,100', verdict: 'contradicts', headline: true },
    });
    expect(Object.keys(result.figures[0].headline)).toEqual(
      expect.arrayContaining(['claim_id', 'source_title', 'source_publisher', 'as_of', 'quote']),
    );
  });

  it('reads a draft from stdin with "-"', () => {
    const draft =
      'Police across Europe made more than 6,500 arrests.\nIn the UK, £54m in cash was seized.\n';
    const { code, stdout } = run(['-', '--format', 'json'], draft);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.text).toBe(draft);
    expect(
      result.figures.map((f: { numeral: string; answer: string }) => [f.numeral, f.answer]),
    ).toEqual([
      ['6,500', 'agrees'],
      ['54m', 'contradicts'],
    ]);
  });

  it('checks the draft of the README, piped in, figure by figure', () => {
    const draft = fs.readFileSync(path.resolve(import.meta.dirname, 'fixtures/draft.txt'));
    const { code, stdout } = run(['-', '--format', 'json'], draft);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.figures.map((f: { text: string; answer: string }) => [f.text, f.answer])).toEqual(
      [
        ['three years', 'not-understood'],
        ['more than 6,500 arrests', 'agrees'],
        ['£54m in cash', 'contradicts'],
        ['two tonnes of drugs', 'contradicts'],
        ['more than 10,000 arrests', 'contradicts'],
      ],
    );
    expect(result.not_figures).toEqual([expect.objectContaining({ text: '2020', why: 'a year' })]);
  });

  it('joins words given without quotes into one text', () => {
    const { code, stdout } = run(['746', 'arrests', 'in', 'the', 'UK', '--format', 'json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).text).toBe('746 arrests in the UK');
  });

  it('exits 0 for a text it cannot check, and says why', () => {
    const { code, stdout } = run(['The operation was a success.']);
    expect(code).toBe(0);
    expect(stdout).toContain('No figure in the text');
  });

  it.each([
    [[], 'no text given'],
    [['--format', 'xml', SENTENCE], '--format must be one of text, json'],
    [['--colour', SENTENCE], "Unknown option '--colour'"],
    [['-', 'more'], '- (read stdin) must be the only text given'],
    [['   '], 'the text is empty'],
  ])('%j is a usage error: exit 2 and one line', (args, message) => {
    const { code, stdout, stderr } = run(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^encrochat-ledger-check: .* \(see --help\)\n$/);
  });

  it('refuses stdin that is empty or not UTF-8 text, and a text too long', () => {
    expect(run(['-'], '').stderr).toContain('the text is empty');
    const bad = run(['-'], Buffer.from([0x37, 0x34, 0x36, 0xff, 0xfe]));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('stdin is not UTF-8 text');
    const long = run(['-'], 'x'.repeat(100_001));
    expect(long.code).toBe(2);
    expect(long.stderr).toContain('check at most 100,000 at a time');
  });

  it('--help and --version', () => {
    const help = run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: encrochat-ledger-check');
    expect(help.stdout).toContain('--format <f>');
    const v = run(['--version']);
    expect(v.code).toBe(0);
    expect(v.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('shows control characters of the text as spaces in text output', () => {
    const { stdout } = run(['746 arrests in the UK\u001b[2J\u202e']);
    expect(stdout).not.toContain('\u001b');
    expect(stdout).not.toContain('\u202e');
  });
});
