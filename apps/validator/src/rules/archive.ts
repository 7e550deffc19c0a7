import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { RecordEntry } from '@encrochat-ledger/core';
import type { DataRule, Issue } from '../rule.js';
import { normaliseForQuote } from '../quotes.js';

/** The archived text of each source that has one in the archive folder (read once per run). */
const cache = new WeakMap<object, Map<RecordEntry, { bytes: Buffer; text: string } | null>>();
export function archivedTexts(
  ctx: Parameters<DataRule['check']>[0],
): Map<RecordEntry, { bytes: Buffer; text: string } | null> {
  let texts = cache.get(ctx);
  if (texts) return texts;
  texts = new Map();
  for (const entry of ctx.of('sources')) {
    const file = entry.record.archive?.file;
    if (!ctx.archiveDir || typeof file !== 'string' || file.includes('/') || file.includes('\\'))
      continue;
    const full = path.join(ctx.archiveDir, file);
    if (!fs.existsSync(full)) {
      texts.set(entry, null);
      continue;
    }
    const bytes = fs.readFileSync(full);
    texts.set(entry, { bytes, text: normaliseForQuote(bytes.toString('utf8')) });
  }
  cache.set(ctx, texts);
  return texts;
}

/** ARCH001: the archived text of a source matches its `archive.text_sha256` (it is the text the quotes were checked against). */
export const archiveHash: DataRule = {
  code: 'ARCH001',
  title: 'Archived text matches its hash',
  severity: 'error',
  scope: 'record',
  check(ctx) {
    const issues: Issue[] = [];
    for (const [entry, archived] of archivedTexts(ctx)) {
      if (archived === null) {
        issues.push({
          entry,
          pointer: '/archive/file',
          severity: 'info',
          message: `archived text ${entry.record.archive.file} is not in the archive folder ${ctx.archiveDir}; its quotes were not checked`,
          hint: 'pass --archive DIR (or set ENCROCHAT_ARCHIVE_DIR) to the folder of archived texts',
        });
        continue;
      }
      const digest = crypto.createHash('sha256').update(archived.bytes).digest('hex');
      if (digest !== entry.record.archive.text_sha256)
        issues.push({
          entry,
          pointer: '/archive/text_sha256',
          message: `archived text ${entry.record.archive.file} has SHA-256 ${digest}, not ${entry.record.archive.text_sha256}`,
          hint: 'the archived text changed: check every quote against it, then update text_sha256',
        });
    }
    return issues;
  },
};

/** ARCH002: every quote of a source with an archived text (its claims' quotes and the event quotes citing it) is verbatim in that text. */
export const archiveQuotes: DataRule = {
  code: 'ARCH002',
  title: 'Quotes verbatim in the archived text',
  severity: 'error',
  scope: 'dataset',
  check(ctx) {
    const issues: Issue[] = [];
    const texts = archivedTexts(ctx);
    const byId = new Map<string, string>();
    for (const [entry, archived] of texts) {
      if (!archived) continue;
      byId.set(entry.record.id, archived.text);
      const claims = Array.isArray(entry.record.claims) ? entry.record.claims : [];
      claims.forEach((claim: Record<string, unknown>, i: number) => {
        if (
          typeof claim?.quote === 'string' &&
          !archived.text.includes(normaliseForQuote(claim.quote))
        )
          issues.push({
            entry,
            pointer: `/claims/${i}/quote`,
            message: `quote not found verbatim in the archived text ${entry.record.archive.file}`,
            hint: 'copy the words exactly from the text (only white space and curly quotes may differ)',
          });
      });
    }
    for (const entry of ctx.of('events')) {
      const sources = Array.isArray(entry.record.sources) ? entry.record.sources : [];
      sources.forEach((s: Record<string, unknown>, i: number) => {
        const text = typeof s?.source === 'string' ? byId.get(s.source) : undefined;
        if (
          text !== undefined &&
          typeof s.quote === 'string' &&
          !text.includes(normaliseForQuote(s.quote))
        )
          issues.push({
            entry,
            pointer: `/sources/${i}/quote`,
            message: `quote not found verbatim in the archived text of source "${s.source}"`,
            hint: 'copy the words exactly from the text',
          });
      });
    }
    return issues;
  },
};
