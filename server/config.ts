import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { z } from "zod";

const booleanFlag = z
  .enum(["true", "false", "1", "0", "yes", "no"], { error: "Use true or false." })
  .transform((value) => value === "true" || value === "1" || value === "yes");

const envSchema = z.object({
  PORT: z.coerce
    .number({ error: "PORT must be a number." })
    .int("PORT must be a whole number.")
    .min(0, "PORT must be between 0 and 65535.")
    .max(65535, "PORT must be between 0 and 65535.")
    .default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must start with postgres:// or postgresql://.")
    .optional(),
  DATA_DIR: z.string().min(1).default("./data"),
  BASE_URL: z.url({ error: "BASE_URL must be a full URL, like https://help.example.com." }).optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  ADMIN_EMAIL: z.email({ error: "ADMIN_EMAIL must be an email address." }).default("admin@switchboard.local"),
  ADMIN_PASSWORD: z.string().min(10, "ADMIN_PASSWORD must be at least 10 characters.").optional(),
  DEMO_DATA: booleanFlag.default(true),
  /** With demo data: a few months of worked tickets, so the reports have something to show. */
  DEMO_HISTORY: booleanFlag.default(true),
  SECURE_COOKIES: booleanFlag.optional(),
  SMTP_URL: z
    .string()
    .regex(
      /^smtps?:\/\//,
      "SMTP_URL must start with smtp:// or smtps://, like smtp://user:password@mail.example.com:587.",
    )
    .optional(),
  MAIL_FROM: z.string().min(3).default("Switchboard <help@switchboard.local>"),
  RATE_LIMITING: booleanFlag.default(true),
  REOPEN_WINDOW_DAYS: z.coerce
    .number({ error: "REOPEN_WINDOW_DAYS must be a number of business days." })
    .int()
    .min(0)
    .max(365)
    .default(3),
  DELETED_TICKET_RETENTION_DAYS: z.coerce
    .number({ error: "DELETED_TICKET_RETENTION_DAYS must be a number of days." })
    .int()
    .min(1)
    .max(3650)
    .default(30),
  DEV_MAILBOX: z.enum(["public", "admins"], { error: "DEV_MAILBOX must be public or admins." }).optional(),
  INBOUND_SMTP_PORT: z.coerce
    .number({ error: "INBOUND_SMTP_PORT must be a port number, like 2525." })
    .int("INBOUND_SMTP_PORT must be a whole number.")
    .min(1, "INBOUND_SMTP_PORT must be between 1 and 65535.")
    .max(65535, "INBOUND_SMTP_PORT must be between 1 and 65535.")
    .optional(),
  INBOUND_SMTP_HOST: z.string().min(1).optional(),
  INBOUND_MAX_MB: z.coerce
    .number({ error: "INBOUND_MAX_MB must be a number of megabytes." })
    .positive("INBOUND_MAX_MB must be more than 0.")
    .max(200, "INBOUND_MAX_MB can be at most 200.")
    .default(25),
  IMAP_POLL_SECONDS: z.coerce
    .number({ error: "IMAP_POLL_SECONDS must be a number of seconds." })
    .int()
    .min(5, "IMAP_POLL_SECONDS must be at least 5.")
    .max(3600, "IMAP_POLL_SECONDS can be at most 3600.")
    .default(60),
  API_TOKEN_RATE_LIMIT: z.coerce
    .number({ error: "API_TOKEN_RATE_LIMIT must be a number of requests per minute." })
    .int("API_TOKEN_RATE_LIMIT must be a whole number.")
    .min(0, "API_TOKEN_RATE_LIMIT must be 0 (no limit) or more.")
    .max(1_000_000)
    .default(600),
  TEST_CLOCK: booleanFlag.default(false),
  CHECK_RESPONSES: booleanFlag.default(false),
  ALLOWED_HOSTS: z
    .string()
    .regex(/^[a-z0-9.:[\]-]+(\s*,\s*[a-z0-9.:[\]-]+)*$/i, "ALLOWED_HOSTS must be host names separated by commas.")
    .optional(),
  SECRETS_KEY: z
    .string()
    .refine(
      (v) => (/^[0-9a-f]{64}$/i.test(v) ? true : Buffer.from(v, "base64").length === 32),
      "SECRETS_KEY must be 32 random bytes, base64 or hex encoded (openssl rand -base64 32).",
    )
    .optional(),
  WEBHOOK_ALLOW_HOSTS: z
    .string()
    .regex(
      /^[a-z0-9.:/[\]-]+(\s*,\s*[a-z0-9.:/[\]-]+)*$/i,
      "WEBHOOK_ALLOW_HOSTS must be host names, IP addresses or ranges (10.0.0.0/8) separated by commas.",
    )
    .optional(),
  WEBHOOK_TIMEOUT_SECONDS: z.coerce
    .number({ error: "WEBHOOK_TIMEOUT_SECONDS must be a number of seconds." })
    .min(1, "WEBHOOK_TIMEOUT_SECONDS must be at least 1.")
    .max(60, "WEBHOOK_TIMEOUT_SECONDS can be at most 60.")
    .default(10),
  WEBHOOK_DISABLE_AFTER: z.coerce
    .number({ error: "WEBHOOK_DISABLE_AFTER must be a number of failed attempts." })
    .int("WEBHOOK_DISABLE_AFTER must be a whole number.")
    .min(1, "WEBHOOK_DISABLE_AFTER must be at least 1.")
    .max(1000, "WEBHOOK_DISABLE_AFTER can be at most 1000.")
    .default(15),
  MAIL_CONCURRENCY: z.coerce
    .number({ error: "MAIL_CONCURRENCY must be a number of messages." })
    .int("MAIL_CONCURRENCY must be a whole number.")
    .min(1, "MAIL_CONCURRENCY must be at least 1.")
    .max(64, "MAIL_CONCURRENCY can be at most 64.")
    .default(8),
  SHUTDOWN_SECONDS: z.coerce
    .number({ error: "SHUTDOWN_SECONDS must be a number of seconds." })
    .min(1, "SHUTDOWN_SECONDS must be at least 1.")
    .max(600, "SHUTDOWN_SECONDS can be at most 600.")
    .default(10),
  READ_POOL_SIZE: z.coerce
    .number({ error: "READ_POOL_SIZE must be a number of read threads (0 turns the read pool off)." })
    .int("READ_POOL_SIZE must be a whole number.")
    .min(0, "READ_POOL_SIZE must be between 0 and 16.")
    .max(16, "READ_POOL_SIZE must be between 0 and 16.")
    .optional(),
  READ_BUDGET_SECONDS: z.coerce
    .number({ error: "READ_BUDGET_SECONDS must be a number of seconds." })
    .min(0.05, "READ_BUDGET_SECONDS must be at least 0.05.")
    .max(600, "READ_BUDGET_SECONDS can be at most 600.")
    .default(3),
});

export type Config = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  /** Where people reach the app; links in emails are built from this, never from a request's Host header. */
  baseUrl: string;
  logLevel: z.infer<typeof envSchema>["LOG_LEVEL"];
  adminEmail: string;
  adminPassword: string | undefined;
  demoData: boolean;
  demoHistory: boolean;
  secureCookies: boolean;
  webDistDir: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  /**
   * Without SMTP every message is kept in the dev mailbox. Who may read it: anyone when BASE_URL itself is
   * on this machine (the HOST a proxy forwards to says nothing about who reaches it), otherwise admins only.
   */
  devMailbox: "off" | "public" | "admins";
  /** Limits on sign-in, registration, reset and status checks; only tests of other things turn it off. */
  rateLimiting: boolean;
  /** Requests each API token may make per minute (API_TOKEN_RATE_LIMIT); 0 for no limit. See docs/api.md. */
  apiTokenRateLimit: number;
  /** Business days after solving during which a customer's reply reopens the ticket (seed 003: 3). */
  reopenWindowDays: number;
  /** Days a deleted ticket can be restored before the purge job removes it for good (docs/tickets.md). */
  deletedTicketRetentionDays: number;
  /** The built-in SMTP receiver for inbound mail: off unless a port is set. */
  /** hostVariable: the variable the host came from (HOST when INBOUND_SMTP_HOST is not set), for messages. */
  inboundSmtp: { port: number; host: string; hostVariable: "INBOUND_SMTP_HOST" | "HOST" } | undefined;
  /** Larger inbound messages are refused (SMTP) or set aside with a notice to the sender (IMAP). */
  inboundMaxBytes: number;
  imapPollMs: number;
  /**
   * Browser tests only (TEST_CLOCK=true, never with NODE_ENV=production): admins may move the
   * server's clock forward to watch a ticket turn overdue. See server/sla/routes.ts.
   */
  testClock: boolean;
  /**
   * Tests only (CHECK_RESPONSES=true, never with NODE_ENV=production): every API answer is checked against the
   * OpenAPI document, and one that differs becomes a 500 naming the drift. See http/response-contract.ts.
   */
  checkResponses: boolean;
  /**
   * Host names requests may arrive under (lower case, no port): BASE_URL's, any from ALLOWED_HOSTS, and the
   * loopback names when BASE_URL is loopback. Others are refused, so a rebound DNS name cannot reach the app.
   */
  allowedHosts: string[];
  /**
   * The key that encrypts stored OAuth2 secrets and tokens (AES-256-GCM). Unset: a key file made in the data
   * directory (`secrets.key`). See mail/inbound/oauth/secret-box.ts and docs/mail.md.
   */
  secretsKey: string | undefined;
  /** How long a shutdown waits for requests in flight (slow uploads) before cutting them. */
  shutdownMs: number;
  /**
   * Reads that can be slow (search, queues and their counts, feeds) run off the event loop (db/read-pool/):
   * on SQLite `size` worker threads, each with a read-only connection; on PostgreSQL a pool of its own. Each
   * statement there is cancelled after `budgetMs`. `size` 0 turns the pool off: those reads then run on the
   * main connection, without a budget (for comparison in bench/blocking.ts, or if threads misbehave).
   */
  readPool: { size: number; budgetMs: number };
  /** Outgoing messages sent side by side by each app instance's job runner (the mail backlog's drain rate). */
  mailConcurrency: number;
  /** Outgoing webhooks (docs/webhooks.md). */
  webhooks: {
    /**
     * Host names, addresses and ranges deliveries may reach although they are private, loopback or link-local
     * (WEBHOOK_ALLOW_HOSTS); everything else in those ranges is refused.
     */
    allowHosts: string[];
    /** The whole attempt (resolve, connect, send, answer) must end within this. */
    timeoutMs: number;
    /** Failed attempts in a row after which an endpoint is switched off and admins are told. */
    disableAfter: number;
  };
};

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Switchboard cannot start because of its configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.problems = problems;
  }
}

/** Reads `.env` (if present) into process.env without overriding variables that are already set. */
export function loadEnvFile(file = ".env"): void {
  if (existsSync(file)) process.loadEnvFile(file);
}

export function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || host === "[::1]" || host.startsWith("127.");
}

export const loopbackHosts = ["localhost", "127.0.0.1", "[::1]"];

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings mean "not set": a blank line in .env should not count as a value.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ""));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
  }
  const e = parsed.data;
  const baseUrl = (e.BASE_URL ?? `http://${e.HOST === "0.0.0.0" ? "localhost" : e.HOST}:${e.PORT}`).replace(/\/+$/, "");
  const baseHost = new URL(baseUrl).hostname.toLowerCase();
  const baseIsLoopback = isLoopback(baseHost);
  const extraHosts = (e.ALLOWED_HOSTS ?? "")
    .split(",")
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.DATA_DIR),
    baseUrl,
    logLevel: e.LOG_LEVEL,
    adminEmail: e.ADMIN_EMAIL.toLowerCase(),
    adminPassword: e.ADMIN_PASSWORD,
    demoData: e.DEMO_DATA,
    demoHistory: e.DEMO_HISTORY,
    secureCookies: e.SECURE_COOKIES ?? baseUrl.startsWith("https://"),
    webDistDir: path.resolve(import.meta.dirname, "../web/dist"),
    smtpUrl: e.SMTP_URL,
    rateLimiting: e.RATE_LIMITING,
    apiTokenRateLimit: e.API_TOKEN_RATE_LIMIT,
    reopenWindowDays: e.REOPEN_WINDOW_DAYS,
    deletedTicketRetentionDays: e.DELETED_TICKET_RETENTION_DAYS,
    testClock: e.TEST_CLOCK && env.NODE_ENV !== "production",
    checkResponses: e.CHECK_RESPONSES && env.NODE_ENV !== "production",
    mailFrom: e.MAIL_FROM,
    devMailbox: e.SMTP_URL ? "off" : (e.DEV_MAILBOX ?? (baseIsLoopback ? "public" : "admins")),
    allowedHosts: [...new Set([baseHost, ...extraHosts, ...(baseIsLoopback ? loopbackHosts : [])])],
    shutdownMs: e.SHUTDOWN_SECONDS * 1000,
    // Two threads keep one slow search from holding up the next read; more would take cores from the writer.
    readPool: { size: e.READ_POOL_SIZE ?? Math.min(2, availableParallelism()), budgetMs: e.READ_BUDGET_SECONDS * 1000 },
    mailConcurrency: e.MAIL_CONCURRENCY,
    secretsKey: e.SECRETS_KEY,
    webhooks: {
      allowHosts: (e.WEBHOOK_ALLOW_HOSTS ?? "")
        .split(",")
        .map((h) => h.trim().toLowerCase())
        .filter(Boolean),
      timeoutMs: e.WEBHOOK_TIMEOUT_SECONDS * 1000,
      disableAfter: e.WEBHOOK_DISABLE_AFTER,
    },
    inboundSmtp: e.INBOUND_SMTP_PORT
      ? {
          port: e.INBOUND_SMTP_PORT,
          host: e.INBOUND_SMTP_HOST ?? e.HOST,
          hostVariable: e.INBOUND_SMTP_HOST ? "INBOUND_SMTP_HOST" : "HOST",
        }
      : undefined,
    inboundMaxBytes: Math.round(e.INBOUND_MAX_MB * 1024 * 1024),
    imapPollMs: e.IMAP_POLL_SECONDS * 1000,
  };
}
