/** The record collections of the dataset: folder under data/, bundle key and schema file. */
export const collections = [
  { name: 'metrics', schema: 'metric.schema.json' },
  { name: 'networks', schema: 'network.schema.json' },
  { name: 'places', schema: 'place.schema.json' },
  { name: 'organisations', schema: 'organisation.schema.json' },
  { name: 'operations', schema: 'operation.schema.json' },
  { name: 'persons', schema: 'person.schema.json' },
  { name: 'events', schema: 'event.schema.json' },
  { name: 'sources', schema: 'source.schema.json' },
] as const;

export type CollectionName = (typeof collections)[number]['name'];
