/**
 * The tables of the collections, in the order they are written: claims (the dataset package's
 * claims table, unchanged), sources, metrics, places, organisations, operations, networks, persons,
 * events, and the link tables for nested lists (person_roles, event_sources). Each table is defined
 * in its own module under collection-tables/: its columns, its keys and its rows, sorted by
 * primary key.
 */
import type { Table } from './table-model.js';
import { claimsTable } from './collection-tables/claims.js';
import type { CollectionContext } from './collection-tables/context.js';
import { eventSourcesTable, eventsTable } from './collection-tables/events.js';
import { metricsTable } from './collection-tables/metrics.js';
import { networksTable, operationsTable } from './collection-tables/operations.js';
import { organisationsTable } from './collection-tables/organisations.js';
import { personRolesTable, personsTable } from './collection-tables/persons.js';
import { placesTable } from './collection-tables/places.js';
import { sourcesTable } from './collection-tables/sources.js';

export { claimsColumns } from './collection-tables/claims.js';
export type { CollectionContext } from './collection-tables/context.js';

export function collectionTables(context: CollectionContext): Table[] {
  return [
    claimsTable(context),
    sourcesTable(context),
    metricsTable(context),
    placesTable(context),
    organisationsTable(context),
    operationsTable(context),
    networksTable(context),
    personsTable(context),
    personRolesTable(context),
    eventsTable(context),
    eventSourcesTable(context),
  ];
}
