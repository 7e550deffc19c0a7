/** The `persons` table (public officials in their role) and its link table `person_roles`. */
import {
  byId,
  col,
  edtfColumns,
  field,
  fk,
  lifecycle,
  lifecycleColumns,
  schemaDescription,
  type Column,
  type Row,
  type Table,
} from '../table-model.js';
import { edtfCells, selfKey, type CollectionContext } from './context.js';

function personColumns(): Column[] {
  return [
    field('id', 'string', 'person.id', true),
    field('name', 'string', 'person.name', true),
    field('official_capacity', 'boolean', 'person.official_capacity', true),
    field('note', 'string', 'person.note'),
    ...lifecycleColumns('person'),
  ];
}

function* personRows({ bundle }: CollectionContext): Generator<Row> {
  for (const p of byId(bundle.persons))
    yield {
      id: p.id,
      name: p.name,
      official_capacity: p.official_capacity,
      note: p.note ?? null,
      ...lifecycle(p),
    };
}

export function personsTable(context: CollectionContext): Table {
  return {
    name: 'persons',
    title: 'Persons',
    description:
      'Public officials quoted in their official role (never private people). Their roles are in person_roles.',
    columns: personColumns(),
    primaryKey: ['id'],
    foreignKeys: [...selfKey(context, 'persons')],
    rows: () => personRows(context),
  };
}

function roleColumns(): Column[] {
  return [
    col('person_id', 'string', 'Person id.', true),
    col('role', 'integer', 'Position of the role in the person record (1, 2…).', true),
    field('title', 'string', 'person.roles.title', true),
    // The schema describes a role's organisation only as an id (a slug).
    col('organisation', 'string', 'Id of the organisation of the role.', true),
    ...edtfColumns('as_of', schemaDescription('person.roles.as_of')),
  ];
}

function* roleRows(context: CollectionContext): Generator<Row> {
  for (const p of byId(context.bundle.persons))
    for (const [i, r] of p.roles.entries())
      yield {
        person_id: p.id,
        role: i + 1,
        title: r.title,
        organisation: r.organisation,
        ...edtfCells(context, 'as_of', r.as_of),
      };
}

export function personRolesTable(context: CollectionContext): Table {
  return {
    name: 'person_roles',
    title: 'Roles of persons',
    description: 'One row per official role in which the sources quote a person.',
    columns: roleColumns(),
    primaryKey: ['person_id', 'role'],
    foreignKeys: [fk('person_id', 'persons'), fk('organisation', 'organisations')],
    rows: () => roleRows(context),
  };
}
