import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { FastifyBaseLogger, FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { Kysely } from "kysely";
import type { Config } from "../config.ts";
import type { Engine } from "../db/engine.ts";
import type { Database } from "../db/schema.ts";

export type App = FastifyInstance<Server, IncomingMessage, ServerResponse, FastifyBaseLogger, ZodTypeProvider>;

/** What every feature's routes get handed: the database and the configuration. */
export type Deps = { db: Kysely<Database>; engine: Engine; config: Config };
