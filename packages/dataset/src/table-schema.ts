/**
 * The shape of a tidy table defined by a field list (the claims table, the latest table): each field
 * has a name, a Frictionless type, a description and whether it is required. The row type and the
 * Frictionless Table Schema both come from the list, so that a table is defined in one place.
 */

/** One field of a table: its Frictionless Table Schema type and description. */
export interface TableField {
  readonly name: string;
  readonly type: 'string' | 'number' | 'integer' | 'boolean' | 'date' | 'list';
  readonly description: string;
  readonly required?: boolean;
}

type ValueOf<F extends TableField> = F['type'] extends 'number' | 'integer'
  ? number
  : F['type'] extends 'boolean'
    ? boolean
    : F['type'] extends 'list'
      ? string[]
      : string;

/** One row of a table with fields `Fields`. Optional fields are `null` when empty. */
export type TableRow<Fields extends readonly TableField[]> = {
  [F in Fields[number] as F['name']]: F extends { required: true } ? ValueOf<F> : ValueOf<F> | null;
};

/**
 * The Frictionless Table Schema of a table as JSON rows (`claims-table.json`, `latest.json`): its
 * fields, primary key, empty = missing. A list of ids is a JSON array, so its field is an `array`
 * (the Data Package v2 profile the project validates against, vendor/frictionless, has no `list`).
 */
export function tableSchemaOf(fields: readonly TableField[], primaryKey: readonly string[]) {
  return {
    $schema: 'https://datapackage.org/profiles/2.0/tableschema.json',
    fields: fields.map((f) => ({
      name: f.name,
      type: f.type === 'list' ? 'array' : f.type,
      description: f.description,
      ...(f.required ? { constraints: { required: true } } : {}),
    })),
    primaryKey: [...primaryKey],
    missingValues: [''],
  };
}
