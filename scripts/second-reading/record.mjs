// Records the review of every claim whose two readings have been reconciled (see review/README.md).
//
//   node scripts/second-reading/record.mjs --date 2026-12-02
//
// A claim of a batch with a second reading and no `review` yet is reconciled when every field on
// which the second reading still differs from it is kept by a resolution in its batch's
// resolutions.json (a withdrawn claim is reconciled by its withdrawal):
//   { "resolutions": [ { "claim_id": "…", "keep": ["operation"], "status": "reviewed",
//                        "note": "why the claim's reading stands" } ] }
// (`status` "disputed" when nobody could settle it). For each reconciled claim this writes into its
// source file
//   "review": { "status", "date", "method": "independent-second-reading",
//               "differences": [fields that differed before resolution], "note" }
// where the note names the fields corrected since the sheet was made and adds the resolution's note.
// Claims not yet reconciled are left alone (compare.mjs lists them). Source files are rewritten in
// the data's own format (2-space JSON and a final newline).
// Reads the built dataset for metric aliases: run `npm run build` first.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { metricsById } from '@encrochat-ledger/dataset';
import { differingFields, readingOfClaim } from './fields.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const batchesDir = path.join(root, 'review', 'batches');
const sourcesDir = path.join(root, 'data', 'sources');
const { values: args } = parseArgs({ options: { date: { type: 'string' } } });
if (!/^\d{4}-\d{2}-\d{2}$/.test(args.date ?? '')) {
  console.error(
    'usage: node scripts/second-reading/record.mjs --date YYYY-MM-DD   (the day the reviews were completed)',
  );
  process.exit(2);
}
const canonicalMetric = (id) => metricsById.get(id)?.id ?? id;
const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

// Claim id -> the first and second readings of it, and its resolution if any.
const readings = new Map();
for (const batch of existsSync(batchesDir) ? readdirSync(batchesDir).sort() : []) {
  const secondFile = path.join(batchesDir, batch, 'second-reading.json');
  if (!existsSync(secondFile)) continue;
  const second = new Map(readJson(secondFile).items.map((entry) => [entry.item, entry]));
  const resolutionsFile = path.join(batchesDir, batch, 'resolutions.json');
  const resolutions = new Map(
    existsSync(resolutionsFile)
      ? readJson(resolutionsFile).resolutions.map((r) => [r.claim_id, r])
      : [],
  );
  for (const first of readJson(path.join(batchesDir, batch, 'first-reading.json')).items) {
    if (second.has(first.item))
      readings.set(first.claim_id, {
        first,
        second: second.get(first.item),
        resolution: resolutions.get(first.claim_id),
      });
  }
}

const describe = (value) =>
  value === null || value === undefined || value === ''
    ? '(none)'
    : typeof value === 'object'
      ? JSON.stringify(value)
      : String(value);
let recorded = 0;
for (const file of readdirSync(sourcesDir)
  .filter((f) => f.endsWith('.json'))
  .sort()) {
  const full = path.join(sourcesDir, file);
  const source = readJson(full);
  let changed = false;
  for (const claim of source.claims ?? []) {
    const pair = readings.get(claim.id);
    if (!pair || claim.review) continue;
    const now = readingOfClaim(claim);
    const kept = new Set(pair.resolution?.keep ?? []);
    // A withdrawn claim stays as it was: its withdrawal, not a correction, settled the reading.
    const open = claim.withdrawn ? [] : differingFields(now, pair.second, canonicalMetric);
    if (open.some((field) => !kept.has(field))) continue;
    const before = differingFields(pair.first, pair.second, canonicalMetric);
    const sinceFirst = differingFields(pair.first, now, canonicalMetric);
    const corrected = before.filter((field) => sinceFirst.includes(field));
    const differences = [...new Set([...before, ...open])];
    const notes = [];
    if (corrected.length > 0)
      notes.push(
        `Corrected after the second reading: ${corrected.map((field) => `${field} ${describe(pair.first[field])} → ${describe(now[field])}`).join('; ')}.`,
      );
    if (pair.resolution?.note) notes.push(pair.resolution.note);
    if (claim.withdrawn) notes.push(`Read twice, then withdrawn: ${claim.withdrawn.reason}`);
    claim.review = {
      status: pair.resolution?.status ?? 'reviewed',
      date: args.date,
      method: 'independent-second-reading',
      ...(differences.length > 0 ? { differences } : {}),
      ...(notes.length > 0 ? { note: notes.join(' ') } : {}),
    };
    changed = true;
    recorded += 1;
  }
  if (changed) writeFileSync(full, JSON.stringify(source, null, 2) + '\n');
}
console.log(`Reviews recorded: ${recorded} claims.`);
