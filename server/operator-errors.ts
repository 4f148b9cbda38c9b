/**
 * Faults of the machine rather than of the code (a full disk, a read-only folder, an unreachable
 * PostgreSQL) explained in one sentence an operator can act on. A stack trace would only hide the cause.
 */

type SystemError = {
  code?: unknown;
  path?: unknown;
  address?: unknown;
  port?: unknown;
  hostname?: unknown;
  message?: unknown;
  syscall?: unknown;
  cause?: unknown;
  errors?: unknown;
};

/** The error and everything it wraps (`cause`, the attempts of an AggregateError), outermost first. */
function chain(error: unknown): SystemError[] {
  const found: SystemError[] = [];
  const visit = (e: unknown, depth: number) => {
    if (typeof e !== "object" || e === null || depth > 5) return;
    const err = e as SystemError;
    found.push(err);
    visit(err.cause, depth + 1);
    if (Array.isArray(err.errors)) for (const inner of err.errors) visit(inner, depth + 1);
  };
  visit(error, 0);
  return found;
}

const unreachable: Record<string, string> = {
  ECONNREFUSED: "connection refused",
  ENOTFOUND: "host name not found",
  EAI_AGAIN: "host name lookup failed",
  ETIMEDOUT: "connection timed out",
  EHOSTUNREACH: "host unreachable",
  ENETUNREACH: "network unreachable",
  ECONNRESET: "connection reset",
};

/**
 * PostgreSQL ended the session (a restart, a failover, an admin's pg_terminate_backend: SQLSTATE class 57P, or a
 * connection exception, class 08), or pg found the connection gone: those come without a code, so their
 * messages (pg/lib/client.js) are all there is to know them by.
 */
const postgresGone: Record<string, string> = {
  "57P01": "the server ended the session",
  "57P02": "the server crashed",
  "57P03": "the server is starting up or shutting down",
  "08000": "connection exception",
  "08003": "no connection",
  "08006": "connection failure",
  "08001": "could not connect",
  "08004": "connection rejected",
};
const connectionGoneMessages: [RegExp, string][] = [
  [/^Connection terminated due to connection timeout/, "no answer in time"],
  [/^timeout exceeded when trying to connect/, "no answer in time"],
  [/^Connection terminated/, "the connection closed"],
  [/^Client (has encountered a connection error|was closed) and is not queryable/, "the connection closed"],
];
function connectionGone(message: unknown): string | undefined {
  return connectionGoneMessages.find(([pattern]) => pattern.test(String(message ?? "")))?.[1];
}

export type OperatorErrorContext = { databaseUrl?: string | undefined; dataDir?: string | undefined };

function postgresAddress(databaseUrl: string | undefined): string {
  if (!databaseUrl) return "DATABASE_URL";
  try {
    const url = new URL(databaseUrl);
    // A server on the same machine is reached through its socket folder: `?host=/var/run/postgresql`.
    const socketFolder = url.searchParams.get("host");
    if (socketFolder?.startsWith("/")) return `${socketFolder}/.s.PGSQL.${url.port || "5432"}`;
    return `${url.hostname || "localhost"}:${url.port || "5432"}`;
  } catch {
    return "DATABASE_URL";
  }
}

function where(err: SystemError, context: OperatorErrorContext): string {
  if (typeof err.path === "string") return err.path;
  return context.dataDir ?? "the data folder";
}

/** The sentence for an operator, or undefined when the error is not one of these known faults. */
export function operatorMessage(error: unknown, context: OperatorErrorContext = {}): string | undefined {
  for (const err of chain(error)) {
    const code = typeof err.code === "string" ? err.code : undefined;
    const lost = code ? postgresGone[code] : connectionGone(err.message);
    if (lost) {
      return `The connection to PostgreSQL at ${postgresAddress(context.databaseUrl)} was lost (${lost}). Switchboard reconnects by itself once the server answers again; check that it is running.`;
    }
    if (!code) continue;
    if (code === "ENOSPC" || code === "SQLITE_FULL" || code === "EDQUOT") {
      return `The disk is full: Switchboard could not write to ${where(err, context)}. Free some space; nothing acknowledged was lost.`;
    }
    if (code === "53100") {
      return `The PostgreSQL server at ${postgresAddress(context.databaseUrl)} has run out of disk space. Free some space there.`;
    }
    if (code === "EROFS" || code.startsWith("SQLITE_READONLY")) {
      return `${where(err, context)} is read-only, so Switchboard cannot save anything there. Make it writable (check the mount and DATA_DIR).`;
    }
    if (code === "EACCES" || code === "EPERM") {
      return `Switchboard may not write to ${where(err, context)}. Give the user that runs it write access, or set DATA_DIR to a folder it owns.`;
    }
    // mkdir of a folder whose name a file already has: EEXIST, as the folder itself is what is in the way.
    if (code === "ENOTDIR" || (code === "EEXIST" && err.syscall === "mkdir")) {
      return `${where(err, context)} is not a folder. Set DATA_DIR to a folder (it is created if missing).`;
    }
    if (code === "SWITCHBOARD_DATABASE_FILE_GONE") {
      return `The SQLite database file ${where(err, context)} was deleted or replaced while Switchboard was running, so nothing more is saved (it would go to a file no folder shows). Put the file back, or restart Switchboard to use the one there now.`;
    }
    if (code === "SQLITE_CANTOPEN") {
      return `The SQLite database under ${context.dataDir ?? "DATA_DIR"} cannot be opened. Check that the folder exists and is writable.`;
    }
    if (code === "25006") {
      return `The PostgreSQL database at ${postgresAddress(context.databaseUrl)} is read-only (a standby, or default_transaction_read_only). Point DATABASE_URL at the primary.`;
    }
    if (code === "28P01" || code === "28000") {
      return `PostgreSQL at ${postgresAddress(context.databaseUrl)} refused the user name or password in DATABASE_URL.`;
    }
    if (code === "3D000") {
      return `PostgreSQL at ${postgresAddress(context.databaseUrl)} has no database of the name in DATABASE_URL. Create it (createdb) first.`;
    }
    // A socket that is not there: the server is down, or it keeps its socket in another folder.
    const socket = code === "ENOENT" && String(err.address ?? err.message).includes(".s.PGSQL.");
    const reason = socket ? "no such socket" : unreachable[code];
    if (reason && context.databaseUrl) {
      return `PostgreSQL at ${postgresAddress(context.databaseUrl)} is not reachable (${reason}). Check DATABASE_URL and that the server is running.`;
    }
  }
  return undefined;
}
