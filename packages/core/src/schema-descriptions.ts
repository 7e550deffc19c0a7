/**
 * What a field of a record means, in the words of its published JSON Schema: the one text the
 * tables made from the records (the dataset's claims table, the exporter's CSV and Parquet tables
 * and their Table Schemas) give their columns, so that editing a schema's `description` changes
 * them all.
 *
 *   fieldDescription('source', 'title')        the `description` of source.title
 *   fieldDescription('source', 'archive.file') a nested object's field
 *   fieldDescription('person', 'roles.title')  a field of the items of an array
 *   fieldDescription('source', 'language')     no description of its own: the one of the
 *                                              definition it refers to (defs' `language`)
 */
import { readSchemas } from './schemas.js';

/** The kinds of record with a schema of their own (`<kind>.schema.json`). */
export type RecordKind =
  | 'claim'
  | 'event'
  | 'metric'
  | 'network'
  | 'operation'
  | 'organisation'
  | 'person'
  | 'place'
  | 'source';

type SchemaNode = {
  $ref?: string;
  description?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
};

/** The schemas by file name, read once per folder. */
const loaded = new Map<string, Map<string, SchemaNode>>();

function schemasIn(dir: string | undefined): Map<string, SchemaNode> {
  const key = dir ?? '';
  let schemas = loaded.get(key);
  if (!schemas) {
    schemas = new Map(readSchemas(dir).map(({ file, schema }) => [file, schema as SchemaNode]));
    loaded.set(key, schemas);
  }
  return schemas;
}

/** The node a `$ref` points at (`defs.schema.json#/$defs/note`, `#/$defs/x`, `claim.schema.json`). */
function target(ref: string, file: string, schemas: Map<string, SchemaNode>) {
  const [refFile, pointer = ''] = ref.split('#');
  const inFile = refFile || file;
  let node: unknown = schemas.get(inFile);
  for (const token of pointer.split('/').slice(1))
    node = (node as Record<string, unknown> | undefined)?.[token];
  if (!node) throw new Error(`${file}: $ref ${ref} points at nothing`);
  return { node: node as SchemaNode, file: inFile };
}

/**
 * The `description` of field `path` (property names joined by dots; array items are passed through)
 * of the schema of `kind`: the field's own, else the one of the definition its `$ref` names. Throws
 * when the field does not exist or neither says anything: a column that names a schema field always
 * gets that field's words, and a renamed field fails loudly.
 */
export function fieldDescription(kind: RecordKind, path: string, dir?: string): string {
  const schemas = schemasIn(dir);
  const where = `${kind}.schema.json field ${path}`;
  let file = `${kind}.schema.json`;
  let node = schemas.get(file);
  if (!node) throw new Error(`${where}: no schema ${file}`);
  for (const name of path.split('.')) {
    // Into what an array or a reference stands for, to reach the properties.
    while (!node.properties && (node.items || node.$ref))
      if (node.items) node = node.items;
      else ({ node, file } = target(node.$ref!, file, schemas));
    const next: SchemaNode | undefined = node.properties?.[name];
    if (!next) throw new Error(`${where}: ${name} is not a field`);
    node = next;
  }
  while (node.description === undefined && node.$ref)
    ({ node, file } = target(node.$ref, file, schemas));
  if (!node.description) throw new Error(`${where}: the schema does not describe it`);
  return node.description;
}
