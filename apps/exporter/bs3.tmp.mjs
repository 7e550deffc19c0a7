import { ClaimsPass } from './dist/claims-pass.js';
import { datasetFromFile } from './dist/dataset-source.js';
import { seriesId, isFigure, compareCodeUnits } from '@encrochat-ledger/dataset';
const data = datasetFromFile(process.argv[2]);
const figures = new ClaimsPass(data, null).takeFigures();
const lap = (() => { let t = performance.now(); return (w) => { const n = performance.now(); console.log(w.padEnd(24), ((n - t) / 1000).toFixed(3)); t = n; }; })();
let multi = 0; for (const r of figures) if ((r.organisations?.length ?? 0) > 1 || (r.networks?.length ?? 0) > 1) multi++;
console.log('multi-list rows', multi, figures.length);
for (let k = 0; k < 2; k++) {
  lap('start');
  let s = 0; for (const row of figures) s += seriesId(row).length;
  lap('seriesId only');
  const cache = new Map();
  const setKey = (ids) => { if (!ids || !ids.length) return ''; if (ids.length === 1) return ids[0]; let k = cache.get(ids); if (k === undefined) { k = [...ids].sort(compareCodeUnits).join('+'); cache.set(ids, k); } return k; };
  const sid = (row) => { const b = row.breakdown_key ? `${row.breakdown_key}=${row.breakdown_value ?? ''}` : ''; return `${row.metric}:${b}:${row.unit}:${row.place}:${row.operation ?? ''}:${setKey(row.organisations)}:${setKey(row.networks)}`; };
  s = 0; for (const row of figures) s += sid(row).length;
  lap('seriesId cached sets');
  const series = new Map();
  for (const row of figures) { const id = sid(row); const m = series.get(id); if (m) m.push(row); else series.set(id, [row]); }
  lap('group (cached sets)');
  // nested map by identity of interned parts
  const root = new Map(); let leaves = 0;
  const E = '';
  for (const row of figures) {
    let m = root;
    for (const part of [row.metric, row.breakdown_key ?? E, row.breakdown_value ?? E, row.unit, row.place, row.operation ?? E, setKey(row.organisations), setKey(row.networks)]) { let n = m.get(part); if (!n) { n = new Map(); m.set(part, n); } m = n; }
    let arr = m.get(0); if (!arr) { arr = []; m.set(0, arr); leaves++; } arr.push(row);
  }
  lap('nested maps ' + leaves);
}
