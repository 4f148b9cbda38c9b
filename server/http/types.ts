import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { FastifyBaseLogger, FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { Kysely } from "kysely";
import type { AppContext } from "../core/context.ts";
import type { Database } from "../db/schema.ts";

export type App = FastifyInstance<Server, IncomingMessage, ServerResponse, FastifyBaseLogger, ZodTypeProvider>;

/**
 * What routes are handed: the app context, and the reader for reads that may be slow (search, queues and their
 * counts, lists, feeds). On SQLite it runs them on worker threads, on PostgreSQL on a pool of its own, each
 * statement within a time budget; see db/read-pool/reader.ts. Writes always go through `db`.
 */
export type Deps = AppContext & { reader: Kysely<Database> };
