import type { Kysely } from "kysely";
import type { Config } from "../config.ts";
import type { Engine } from "../db/engine.ts";
import type { Database } from "../db/schema.ts";

/** What routes and commands are handed: the database, its engine and the configuration. */
export type AppContext = { db: Kysely<Database>; engine: Engine; config: Config };
