import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { LoadedRecord, Problem } from './load-data.js';
import { normaliseForQuote } from './quotes.js';

type Rec = Record<string, any>;

export interface ArchiveCheck {
  problems: Problem[];
  /** Number of sources whose archived text was read. */
  checkedSources: number;
  /** Number of quotes found verbatim. */
  checkedQuotes: number;
}

/**
 * For every source with an `archive`, when the archive folder holds its file: the file's SHA-256
 * equals `archive.text_sha256`, and every claim and event quote attributed to the source is found
 * verbatim in the text (whitespace and typographic quotes normalised).
 */
export function checkArchive(records: LoadedRecord[], archiveDir: string): ArchiveCheck {
  const problems: Problem[] = [];
  let checkedSources = 0;
  let checkedQuotes = 0;
  const texts = new Map<string, string>();
  for (const { collection, file, record } of records) {
    if (collection !== 'sources' || !record.archive) continue;
    const archive = record.archive as Rec;
    const full = path.join(archiveDir, archive.file);
    if (!fs.existsSync(full)) continue;
    const bytes = fs.readFileSync(full);
    const digest = crypto.createHash('sha256').update(bytes).digest('hex');
    if (digest !== archive.text_sha256)
      problems.push({ file, pointer: '/archive/text_sha256', message: `archived text ${archive.file} has SHA-256 ${digest}, not ${archive.text_sha256}`, hint: 'the archived text changed: re-check the quotes against it, then update text_sha256' });
    checkedSources++;
    const text = normaliseForQuote(bytes.toString('utf8'));
    texts.set(record.id as string, text);
    ((record.claims as Rec[]) ?? []).forEach((claim, i) => {
      if (typeof claim.quote !== 'string') return;
      if (text.includes(normaliseForQuote(claim.quote))) checkedQuotes++;
      else problems.push({ file, pointer: `/claims/${i}/quote`, message: `quote not found verbatim in the archived text ${archive.file}`, hint: 'copy the words exactly from the source text (whitespace and curly quotes may differ)' });
    });
  }
  for (const { collection, file, record } of records) {
    if (collection !== 'events') continue;
    ((record.sources as Rec[]) ?? []).forEach((s, i) => {
      const text = texts.get(s.source);
      if (!text || typeof s.quote !== 'string') return;
      if (text.includes(normaliseForQuote(s.quote))) checkedQuotes++;
      else problems.push({ file, pointer: `/sources/${i}/quote`, message: `quote not found verbatim in the archived text of source "${s.source}"`, hint: 'copy the words exactly from the source text' });
    });
  }
  return { problems, checkedSources, checkedQuotes };
}
