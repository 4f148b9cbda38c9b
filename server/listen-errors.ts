/**
 * A listener that cannot open its port (taken, not permitted, or on an address this machine does not have) is a
 * fault of the settings, not of the code: said in one sentence that names the variable to change.
 */

/** What a listener is called and the environment variables its port and host came from. */
export type ListenSettings = {
  /** "the web server", "the inbound SMTP receiver" */
  what: string;
  port: number;
  portVariable: string;
  host: string;
  hostVariable: string;
};

/** A listener could not start; its message is the sentence for the operator. */
export class ListenError extends Error {
  constructor(message: string, options: { cause: unknown }) {
    super(message, options);
    this.name = "ListenError";
  }
}

/** The sentence for an operator, or undefined when the error is not a fault of the port or host. */
export function listenFailure(error: unknown, s: ListenSettings): string | undefined {
  const code = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  const at = `${s.host}:${s.port}`;
  switch (code) {
    case "EADDRINUSE":
      return `Port ${s.port} on ${s.host} is already in use by another program (another Switchboard?), so ${s.what} cannot listen there: stop that program or set ${s.portVariable} to a free port.`;
    case "EACCES":
    case "EPERM":
      return `This user may not open port ${s.port} on ${s.host} (ports below 1024 need special privileges), so ${s.what} cannot listen there: set ${s.portVariable} to a port of 1024 or above.`;
    case "EADDRNOTAVAIL":
      return `${s.hostVariable} is ${s.host}, which is not an address of this machine, so ${s.what} cannot listen at ${at}: set ${s.hostVariable} to one of its addresses (127.0.0.1 for this machine only, 0.0.0.0 for all).`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
    case "EAI_NONAME":
      return `${s.hostVariable} is ${s.host}, a name that does not resolve to an address, so ${s.what} cannot listen there: set ${s.hostVariable} to an address of this machine (127.0.0.1 for this machine only, 0.0.0.0 for all).`;
    default:
      return undefined;
  }
}

/** Runs `listen`, turning a fault of the port or host into a ListenError that names the setting to change. */
export async function listenOrExplain<T>(settings: ListenSettings, listen: () => Promise<T>): Promise<T> {
  try {
    return await listen();
  } catch (error) {
    const message = listenFailure(error, settings);
    if (message) throw new ListenError(message, { cause: error });
    throw error;
  }
}
