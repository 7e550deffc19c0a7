import type { DataRule, Issue } from '../rule.js';
import { eachClaim } from '../rule.js';

/** UNIT001: a claim's unit is one its metric allows, and its breakdown key is one the metric allows. */
export const metricUnits: DataRule = {
  code: 'UNIT001',
  title: 'Unit and breakdown fit the metric',
  severity: 'error',
  scope: 'record',
  check(ctx) {
    const issues: Issue[] = [];
    for (const { entry, claim, pointer } of eachClaim(ctx)) {
      const metric = ctx.get('metrics', claim.metric);
      if (!metric) continue;
      const units: unknown[] = Array.isArray(metric.units) ? metric.units : [];
      if (typeof claim.unit === 'string' && !units.includes(claim.unit))
        issues.push({
          entry,
          pointer: `${pointer}/unit`,
          message: `unit "${claim.unit}" is not allowed for metric "${claim.metric}" (allowed: ${units.join(', ')})`,
          hint: 'convert the value to an allowed unit and say so in the note, or choose the metric that fits',
        });
      const keys: unknown[] = Array.isArray(metric.breakdown_keys) ? metric.breakdown_keys : [];
      if (claim.breakdown && typeof claim.breakdown === 'object')
        for (const key of Object.keys(claim.breakdown))
          if (!keys.includes(key))
            issues.push({
              entry,
              pointer: `${pointer}/breakdown/${key}`,
              message: `breakdown "${key}" is not allowed for metric "${claim.metric}" (allowed: ${keys.join(', ') || 'none'})`,
              hint: "use an allowed breakdown key, or add it to the metric's breakdown_keys",
            });
    }
    return issues;
  },
};
