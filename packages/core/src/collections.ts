/** The record collections: the folder under data/, the bundle key and the schema of each record. */
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

/** The collection names, in the order above (the order of the bundle's keys). */
export const collectionNames: readonly CollectionName[] = collections.map((c) => c.name);

export function isCollection(name: string): name is CollectionName {
  return (collectionNames as readonly string[]).includes(name);
}
