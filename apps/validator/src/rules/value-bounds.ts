import type { DataRule, Issue } from '../rule.js';
import { eachClaim } from '../rule.js';

/**
 * VAL001: bounds agree with the qualifier: a range has min < max; a percentage is at most 100; an
 * exact zero is not qualified as "nearly" or "up to" something else (the wording would be lost).
 */
export const valueBounds: DataRule = {
  code: 'VAL001',
  title: 'Bounds agree with the qualifier',
  severity: 'error',
  scope: 'record',
  check(ctx) {
    const issues: Issue[] = [];
    for (const { entry, claim, pointer } of eachClaim(ctx)) {
      const { qualifier, value, min, max, unit } = claim;
      if (qualifier === 'range' && typeof min === 'number' && typeof max === 'number') {
        if (min > max)
          issues.push({
            entry,
            pointer: `${pointer}/min`,
            message: `range min ${min} is greater than max ${max}`,
            hint: 'swap min and max',
          });
        else if (min === max)
          issues.push({
            entry,
            pointer: `${pointer}/max`,
            message: `range min and max are both ${min}`,
            hint: "a single figure is not a range: use value with qualifier exact (or the wording's qualifier)",
          });
      }
      for (const [field, v] of [
        ['value', value],
        ['min', min],
        ['max', max],
      ] as const)
        if (unit === 'percent' && typeof v === 'number' && v > 100)
          issues.push({
            entry,
            pointer: `${pointer}/${field}`,
            message: `${v} percent is more than 100`,
            hint: 'percentages run from 0 to 100',
          });
      if (
        (qualifier === 'nearly' || qualifier === 'up_to' || qualifier === 'more_than') &&
        value === 0
      )
        issues.push({
          entry,
          pointer: `${pointer}/value`,
          message: `value 0 with qualifier ${qualifier}`,
          hint: 'check the wording: a bound of zero says nothing',
        });
    }
    return issues;
  },
};
