import { ClaimsPass } from './dist/claims-pass.js';
import { datasetFromFile } from './dist/dataset-source.js';
import { seriesId, isFigure, compareCodeUnits } from '@encrochat-ledger/dataset';
const data = datasetFromFile(process.argv[2]);
const figures = new ClaimsPass(data, null).takeFigures();
const lap = (() => { let t = performance.now(); return (w) => { const n = performance.now(); console.log(w.padEnd(24), ((n - t) / 1000).toFixed(3)); t = n; }; })();
for (let k = 0; k < 3; k++) {
  lap('start');
  {
    const series = new Map();
    for (const row of figures) { const id = seriesId(row); const m = series.get(id); if (m) m.push(row); else series.set(id, [row]); }
    lap('group by seriesId');
  }
  {
    const parts = new Map();
    const pid = (s) => { let id = parts.get(s); if (id === undefined) { id = parts.size; parts.set(s, id); } return id; };
    const setKey = (ids) => (!ids || !ids.length ? '' : ids.length === 1 ? ids[0] : [...ids].sort(compareCodeUnits).join('+'));
    const series = new Map();
    for (const row of figures) {
      const key = String.fromCharCode(pid(row.metric), pid(row.breakdown_key ?? ''), pid(row.breakdown_value ?? ''), pid(row.unit), pid(row.place), pid(row.operation ?? ''), pid(setKey(row.organisations)), pid(setKey(row.networks)));
      const m = series.get(key); if (m) m.push(row); else series.set(key, [row]);
    }
    lap('group by charcode key ' + parts.size);
  }
}
