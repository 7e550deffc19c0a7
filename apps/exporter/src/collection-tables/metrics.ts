/** The `metrics` table: the vocabulary of what is counted. */
import {
  byId,
  field,
  lifecycle,
  lifecycleColumns,
  list,
  type Column,
  type Row,
  type Table,
} from '../table-model.js';
import { selfKey, type CollectionContext } from './context.js';

function metricColumns(): Column[] {
  return [
    field('id', 'string', 'metric.id', true),
    field('label', 'string', 'metric.label', true),
    field('definition', 'string', 'metric.definition', true),
    field('units', 'list', 'metric.units', true),
    field('cumulative', 'boolean', 'metric.cumulative', true),
    field('breakdown_keys', 'list', 'metric.breakdown_keys'),
    field('note', 'string', 'metric.note'),
    ...lifecycleColumns('metric'),
  ];
}

function* metricRows({ bundle }: CollectionContext): Generator<Row> {
  for (const m of byId(bundle.metrics))
    yield {
      id: m.id,
      label: m.label,
      definition: m.definition,
      units: [...m.units],
      cumulative: m.cumulative,
      breakdown_keys: list(m.breakdown_keys),
      note: m.note ?? null,
      ...lifecycle(m),
    };
}

export function metricsTable(context: CollectionContext): Table {
  return {
    name: 'metrics',
    title: 'Metrics',
    description: 'The vocabulary of what is counted, with the units a claim may use.',
    columns: metricColumns(),
    primaryKey: ['id'],
    foreignKeys: [...selfKey(context, 'metrics')],
    rows: () => metricRows(context),
  };
}
