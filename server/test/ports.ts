import net from "node:net";

/** A port on 127.0.0.1 that nothing listens on now, for a server a test starts (Dovecot, the app's SMTP receiver). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
