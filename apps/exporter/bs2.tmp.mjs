import { ClaimsPass } from './dist/claims-pass.js';
import { datasetFromFile } from './dist/dataset-source.js';
import { buildSeries, seriesId, periodOf, isFigure, compareFigures, decidingCriterion, compareCodeUnits } from '@encrochat-ledger/dataset';
const data = datasetFromFile(process.argv[2]);
const figures = new ClaimsPass(data, null).takeFigures();
const lap = (() => { let t = performance.now(); return (w) => { const n = performance.now(); console.log(w.padEnd(24), ((n - t) / 1000).toFixed(3)); t = n; }; })();
for (let k = 0; k < 2; k++) {
  lap('start');
  const series = new Map();
  for (const row of figures) { if (!isFigure(row)) continue; const id = seriesId(row); const m = series.get(id); if (m) m.push(row); else series.set(id, [row]); }
  lap('group by series id');
  const ids = [...series.keys()].sort(compareCodeUnits);
  lap('sort ids');
  const points = [];
  const point = (series_id, period, candidates) => { if (candidates.length > 1) candidates.sort(compareFigures); const best = candidates[0]; const r = candidates[1]; return { series_id, period, best, candidates, decided_by: r ? decidingCriterion(best, r) : 'single' }; };
  let maps = 0;
  for (const id of ids) {
    const members = series.get(id);
    if (members.length === 1) { points.push(point(id, periodOf(members[0]), members)); continue; }
    const periods = new Map(); maps++;
    for (const row of members) { const p = periodOf(row); const c = periods.get(p); if (c) c.push(row); else periods.set(p, [row]); }
    for (const p of [...periods.keys()].sort(compareCodeUnits)) points.push(point(id, p, periods.get(p)));
  }
  lap('points (' + maps + ' maps)');
  const ref = buildSeries(figures);
  lap('buildSeries');
}
