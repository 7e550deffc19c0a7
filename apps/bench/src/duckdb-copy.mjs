// The peer of the Parquet export: DuckDB itself reading the same rows (the claims table JSON)
// and writing them to Parquet with zstd, through the same @duckdb/node-api.
import { DuckDBInstance } from '@duckdb/node-api';

const [input, output] = process.argv.slice(2);
const db = await DuckDBInstance.create(':memory:');
const con = await db.connect();
const q = (s) => `'${s.replace(/'/g, "''")}'`;
await con.run(
  `COPY (SELECT * FROM read_json(${q(input)}, format = 'array', maximum_object_size = 1000000000)) TO ${q(output)} (FORMAT parquet, COMPRESSION zstd)`,
);
