/**
 * Queries built and compiled by Kysely once per database dialect (and shape), then run with each call's values.
 * For the few statements run on every ticket change: a profile of the metrics reaction on SQLite spent more than
 * half its time building and compiling its reads and its update, more than SQLite spent running them.
 */
import type { Compilable, CompiledQuery, DialectAdapter, Kysely, Transaction } from "kysely";
import type { Database } from "./schema.ts";

type Db = Kysely<Database> | Transaction<Database>;

/** Stands for the i-th value while a query is compiled; no real value looks like it. */
const placeholder = (i: number) => `\u0000compiled-once ${i}\u0000`;

type Compiled<Row> = { query: CompiledQuery<Row>; slots: (number | undefined)[] };

function compile<Row>(query: CompiledQuery<Row>, names: readonly string[]): Compiled<Row> {
  // Which compiled parameter is which value (undefined: a constant of the query itself).
  const slots = query.parameters.map((p) => {
    const i = typeof p === "string" ? names.indexOf(p) : -1;
    return i < 0 ? undefined : i;
  });
  for (let i = 0; i < names.length; i++) {
    if (!slots.includes(i)) throw new Error(`compiledOnce: value ${i} is not used by the query.`);
  }
  return { query, slots };
}

/**
 * `build` gets the query's shape (`key`) and a placeholder per value, and must put each placeholder exactly where
 * its value goes (cast as the column's type: it is replaced before the query runs). A compiled query is kept per
 * dialect adapter (SQLite and PostgreSQL compile differently) and key; plugins that rewrite queries would be
 * applied once, at compile time (the app uses none).
 */
export function compiledByShape<Row>(
  build: (db: Db, key: string, placeholders: readonly string[]) => { query: Compilable<Row>; values: number },
): (db: Db, key: string, args: readonly unknown[]) => Promise<Row[]> {
  const compiled = new WeakMap<DialectAdapter, Map<string, Compiled<Row>>>();
  return async (db, key, args) => {
    const adapter = db.getExecutor().adapter;
    let shapes = compiled.get(adapter);
    if (!shapes) {
      shapes = new Map();
      compiled.set(adapter, shapes);
    }
    let known = shapes.get(key);
    if (!known) {
      const names = Array.from({ length: args.length }, (_, i) => placeholder(i));
      const built = build(db, key, names);
      if (built.values !== args.length) throw new Error(`compiledOnce: the ${key} query takes ${built.values} values.`);
      known = compile(built.query.compile(), names);
      shapes.set(key, known);
    }
    const { query, slots } = known;
    const parameters = query.parameters.map((p, i) => {
      const slot = slots[i];
      return slot === undefined ? p : args[slot];
    });
    return (await db.executeQuery<Row>({ ...query, parameters })).rows;
  };
}

/** One query of one shape, whose values are all ids or other strings. */
export function compiledOnce<Row>(
  values: number,
  build: (db: Db, ...placeholders: string[]) => Compilable<Row>,
): (db: Db, ...args: string[]) => Promise<Row[]> {
  const run = compiledByShape((db, _key, names) => ({ query: build(db, ...names), values }));
  return (db, ...args) => run(db, "", args);
}
