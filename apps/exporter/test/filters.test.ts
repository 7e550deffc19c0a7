/** Filters: --metric, --place (and places inside it), --since, --until, --source-kind. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  buildLatest,
  buildSeries,
  claimsTable,
  dataset,
  findConflicts,
  type ClaimsTableRow,
} from '@encrochat-ledger/dataset';
import type { ClaimFilters } from '../src/args.js';
import { packagedDataset } from '../src/dataset-source.js';
import { UsageError } from '../src/errors.js';
import { exportDataset } from '../src/export.js';
import { placesWithin } from '../src/filters.js';
import { buildTables } from '../src/tables.js';
import { readCsv, tempDir } from './helpers.js';

const tmp = tempDir('filters');
afterAll(() => tmp.remove());

const rowsOf = (filters: ClaimFilters, table: string) =>
  [
    ...buildTables(packagedDataset(), filters)
      .tables.find((t) => t.name === table)!
      .rows(),
  ] as Record<string, unknown>[];
const claimIds = (filters: ClaimFilters) => rowsOf(filters, 'claims').map((r) => r.claim_id);
const idsWhere = (keep: (c: ClaimsTableRow) => boolean) =>
  claimsTable.filter(keep).map((c) => c.claim_id);

/** The places inside `root`, found by walking up from every place (independent of placesWithin). */
function inside(root: string): Set<string> {
  const parent = new Map(dataset.places.map((p) => [p.id, p.parent]));
  return new Set(
    dataset.places
      .filter((p) => {
        for (let id: string | undefined = p.id, n = 0; id && n < 50; id = parent.get(id), n++)
          if (id === root) return true;
        return false;
      })
      .map((p) => p.id),
  );
}

describe('claim filters', () => {
  it('--metric keeps the claims of those metrics', () => {
    const ids = claimIds({ metrics: ['arrests', 'cash_seized'] });
    expect(ids.length).toBeGreaterThan(10);
    expect(ids).toEqual(idsWhere((c) => c.metric === 'arrests' || c.metric === 'cash_seized'));
  });

  it('--place keeps a place and every place inside it', () => {
    const uk = inside('united-kingdom');
    expect(uk.has('scotland')).toBe(true);
    expect(uk.has('netherlands')).toBe(false);
    expect([...placesWithin(dataset.places, ['united-kingdom'])].sort()).toEqual([...uk].sort());
    const ids = claimIds({ places: ['united-kingdom'] });
    expect(ids).toEqual(idsWhere((c) => uk.has(c.place)));
    expect(
      new Set(rowsOf({ places: ['united-kingdom'] }, 'claims').map((r) => r.place)).size,
    ).toBeGreaterThan(3);
  });

  it('--since keeps claims whose as_of ends on or after the day (open ends count as ongoing)', () => {
    const ids = claimIds({ since: '2021-01-01' });
    expect(ids).toEqual(
      idsWhere(
        (c) =>
          (c.as_of_start !== null || c.as_of_end !== null) &&
          (c.as_of_end === null || c.as_of_end >= '2021-01-01'),
      ),
    );
    expect(ids).toContain('mitti-undated-har-pagar-flera-encrochatmal/se-convicted'); // as_of 2020-10/.. is ongoing
  });

  it('--until keeps claims whose as_of starts on or before the day', () => {
    expect(claimIds({ until: '2020-07-02' })).toEqual(
      idsWhere((c) => c.as_of_start !== null && c.as_of_start <= '2020-07-02'),
    );
  });

  it('--since and --until together keep claims whose as_of overlaps the period', () => {
    const ids = claimIds({ since: '2020-07-01', until: '2020-07-31' });
    expect(ids).toEqual(
      idsWhere(
        (c) =>
          c.as_of_start !== null &&
          c.as_of_start <= '2020-07-31' &&
          (c.as_of_end === null || c.as_of_end >= '2020-07-01'),
      ),
    );
  });

  it('--source-kind keeps the claims and the sources of those kinds, and the event links to them', () => {
    const filters: ClaimFilters = { sourceKinds: ['press-release', 'official-statistics'] };
    expect(claimIds(filters)).toEqual(
      idsWhere((c) => c.source_kind === 'press-release' || c.source_kind === 'official-statistics'),
    );
    const sources = rowsOf(filters, 'sources');
    expect(sources.map((s) => s.id)).toEqual(
      dataset.sources
        .filter((s) => s.kind === 'press-release' || s.kind === 'official-statistics')
        .map((s) => s.id)
        .sort(),
    );
    const kept = new Set(sources.map((s) => s.id));
    const links = rowsOf(filters, 'event_sources');
    expect(links.every((l) => kept.has(l.source_id as string))).toBe(true);
    expect(rowsOf(filters, 'events')).toHaveLength(dataset.events.length);
  });

  it('filters combine (all must hold)', () => {
    const uk = inside('united-kingdom');
    expect(
      claimIds({ metrics: ['arrests'], places: ['united-kingdom'], since: '2021-01-01' }),
    ).toEqual(
      idsWhere(
        (c) =>
          c.metric === 'arrests' &&
          uk.has(c.place) &&
          (c.as_of_end === null || c.as_of_end >= '2021-01-01'),
      ),
    );
  });

  it('series, conflicts and latest are computed from the selected claims', () => {
    const filters: ClaimFilters = { sourceKinds: ['news-article'] };
    const selected = claimsTable.filter((c) => c.source_kind === 'news-article');
    expect(rowsOf(filters, 'series').map((r) => r.claim_id)).toEqual(
      buildSeries(selected).map((p) => p.best.claim_id),
    );
    expect(rowsOf(filters, 'conflicts').map((r) => r.claim_id)).toEqual(
      findConflicts(selected).flatMap((g) => g.claims.map((c) => c.claim_id)),
    );
    expect(rowsOf(filters, 'latest').map((r) => r.headline_claim_id)).toEqual(
      buildLatest(buildSeries(selected)).map((r) => r.headline_claim_id),
    );
    // Without the official releases, some points that were decided by reliability are decided otherwise.
    expect(rowsOf(filters, 'series')).not.toEqual(rowsOf({}, 'series'));
  });

  it('vocabulary tables stay complete', () => {
    for (const [table, records] of [
      ['metrics', dataset.metrics],
      ['places', dataset.places],
      ['organisations', dataset.organisations],
      ['persons', dataset.persons],
    ] as const)
      expect(rowsOf({ metrics: ['arrests'] }, table)).toHaveLength(records.length);
  });
});

describe('exportDataset with filters', () => {
  it('writes only the selected claims and records the filters in the README', async () => {
    const out = path.join(tmp.dir, 'arrests');
    const result = await exportDataset({
      out,
      formats: ['csv'],
      excelSafe: false,
      filters: { metrics: ['arrests'] },
    });
    const claims = readCsv(path.join(out, 'claims.csv'));
    expect(claims.records).toHaveLength(claimsTable.filter((c) => c.metric === 'arrests').length);
    expect(result.tables.find((t) => t.name === 'claims')!.rows).toBe(claims.records.length);
    const readme = fs.readFileSync(path.join(out, 'README.md'), 'utf8');
    expect(readme).toContain('This export is **filtered**');
    expect(readme).toContain('- metric: arrests');
  });

  it('refuses an unknown metric or place with a UsageError before writing anything', async () => {
    const out = path.join(tmp.dir, 'never');
    await expect(
      exportDataset({ out, formats: ['csv'], excelSafe: false, filters: { metrics: ['arrest'] } }),
    ).rejects.toThrow(UsageError);
    await expect(
      exportDataset({ out, formats: ['csv'], excelSafe: false, filters: { places: ['uk'] } }),
    ).rejects.toThrow(/--place: unknown place "uk"/);
  });
});
