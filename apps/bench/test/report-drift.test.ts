/** The committed BENCHMARKS.md is generated: it must be exactly what the report makes of the committed benchmarks.json. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { renderMarkdown } from '../src/report.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

it('BENCHMARKS.md is renderMarkdown(benchmarks.json): no hand edits, no report change left unrendered', () => {
  const results = JSON.parse(fs.readFileSync(path.join(root, 'benchmarks.json'), 'utf8'));
  expect(
    fs.readFileSync(path.join(root, 'BENCHMARKS.md'), 'utf8'),
    'run `npm run bench` to regenerate both files',
  ).toBe(renderMarkdown(results));
});
