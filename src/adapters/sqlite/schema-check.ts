// Is the log's schema the one crisis made? A dropped append-only trigger or an altered table
// changes no hash, so verify compares sqlite_schema with what the migrations up to the file's
// version create, built afresh in memory.
import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations.js';

interface SchemaObject {
  type: string;
  name: string;
  tbl_name: string;
  sql: string | null;
}

// SQLite's own objects (autoindexes, sqlite_stat1 after ANALYZE) follow from ours or from housekeeping.
const OBJECTS = "SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name";

const expectedByVersion = new Map<number, Map<string, SchemaObject>>();

function expected(version: number): Map<string, SchemaObject> {
  let objects = expectedByVersion.get(version);
  if (objects === undefined) {
    const db = new Database(':memory:');
    try {
      for (const sql of MIGRATIONS.slice(0, version)) db.exec(sql);
      objects = byName(db.prepare(OBJECTS).all() as SchemaObject[]);
    } finally {
      db.close();
    }
    expectedByVersion.set(version, objects);
  }
  return objects;
}

function byName(objects: readonly SchemaObject[]): Map<string, SchemaObject> {
  return new Map(objects.map((o) => [o.name, o]));
}

/** One sentence per difference between the log's schema and the one crisis wrote; empty when equal. */
export function schemaProblems(db: Database.Database): string[] {
  const version = db.pragma('user_version', { simple: true }) as number;
  const want = expected(version);
  const have = byName(db.prepare(OBJECTS).all() as SchemaObject[]);
  const problems: string[] = [];
  for (const [name, object] of want) {
    const found = have.get(name);
    if (found === undefined) problems.push(`${object.type} ${name} is missing${object.type === 'trigger' ? ` (the append-only protection of ${object.tbl_name} was removed)` : ''}`);
    else if (found.type !== object.type || found.sql !== object.sql) problems.push(`${object.type} ${name} was changed`);
  }
  for (const [name, object] of have) if (!want.has(name)) problems.push(`${object.type} ${name} on ${object.tbl_name} was added (crisis never made it)`);
  return problems;
}
