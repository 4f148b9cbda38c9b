/**
 * Starts a private Dovecot IMAP server for a test file: generated config in a
 * temp dir, one user from a static passwd file, mail in a temp Maildir, a free
 * port on 127.0.0.1. It never touches the system's Dovecot service.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { chmodSync, chownSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import { ImapFlow } from "imapflow";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { freePort } from "../../test/ports.ts";
import { createMailbox } from "./mailboxes.ts";

export type TestImapServer = { host: string; port: number; user: string; password: string; stop(): Promise<void> };

/** A client signed in to the test server with the account's password, for `work`, then signed out. */
export async function withImapClient<T>(imap: TestImapServer, work: (client: ImapFlow) => Promise<T>): Promise<T> {
  const client = new ImapFlow({
    host: imap.host,
    port: imap.port,
    secure: false,
    auth: { user: imap.user, pass: imap.password },
    logger: false,
  });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.logout();
  }
}

/**
 * The help desk's mailbox "Help" (help@support.example) polling the test server's inbox with the account's
 * password, at `port` (another port than the server's: a proxy in front of it); its id.
 */
export function createTestMailbox(db: Kysely<Database>, imap: TestImapServer, port = imap.port): Promise<string> {
  return createMailbox(db, {
    name: "Help",
    address: "help@support.example",
    groupId: null,
    categoryId: null,
    active: true,
    imap: { host: imap.host, port, tls: false, user: imap.user, password: imap.password, folder: "INBOX" },
  });
}

/** Mail arrives in the account's inbox the way any sender's would: appended with the account's password. */
export async function appendToInbox(imap: TestImapServer, raw: Buffer | string): Promise<void> {
  await withImapClient(imap, async (client) => {
    await client.append("INBOX", raw);
  });
}

export function dovecotBinary(): string | undefined {
  for (const candidate of ["/usr/sbin/dovecot", "/usr/local/sbin/dovecot"]) {
    try {
      execFileSync(candidate, ["--version"], { stdio: "ignore" });
      return candidate;
    } catch {
      // Not there; try the next place.
    }
  }
  return undefined;
}

async function waitForGreeting(port: number, child: ChildProcess, log: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`dovecot exited early:\n${readLog(log)}`);
    const ok = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1");
      socket.once("data", (data) => {
        socket.destroy();
        resolve(data.toString().startsWith("* OK"));
      });
      socket.once("error", () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`dovecot did not answer on port ${port}:\n${readLog(log)}`);
}

function readLog(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return "(no log)";
  }
}

export type TestImapOptions = {
  /**
   * Also accept OAuth2 bearer tokens (XOAUTH2, OAUTHBEARER): Dovecot's oauth2 passdb posts each token to this
   * introspection URL (credentials in the URL are sent as HTTP basic auth) and takes the token's `sub` as the
   * user.
   */
  oauth2IntrospectionUrl?: string;
};

export async function startTestImapServer(binary: string, options: TestImapOptions = {}): Promise<TestImapServer> {
  const dir = mkdtempSync(path.join(tmpdir(), "switchboard-dovecot-"));
  // Dovecot's auth process runs unprivileged and must reach the passwd file.
  chmodSync(dir, 0o755);
  const port = await freePort();
  const user = "help@support.example";
  const password = "imap-test-password";
  const root = process.getuid?.() === 0;
  // As root, mail processes run as the packaged "dovecot" user (Dovecot refuses root for mail access).
  const mailUser = root ? "dovecot" : userInfo().username;
  const mailDir = path.join(dir, "mail");
  mkdirSync(mailDir);
  mkdirSync(path.join(dir, "run"));
  mkdirSync(path.join(dir, "state"));
  if (root) {
    const uid = Number(execFileSync("id", ["-u", mailUser]).toString().trim());
    const gid = Number(execFileSync("id", ["-g", mailUser]).toString().trim());
    chownSync(mailDir, uid, gid);
  }
  const log = path.join(dir, "dovecot.log");
  writeFileSync(path.join(dir, "users"), `${user}:{PLAIN}${password}\n`);
  const oauth2 = options.oauth2IntrospectionUrl;
  if (oauth2) {
    writeFileSync(
      path.join(dir, "oauth2.conf.ext"),
      `introspection_mode = post
introspection_url = ${oauth2}
username_attribute = sub
active_attribute = active
active_value = true
force_introspection = yes
`,
    );
  }
  writeFileSync(
    path.join(dir, "dovecot.conf"),
    `
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${log}
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login${oauth2 ? " xoauth2 oauthbearer" : ""}
first_valid_uid = 1
first_valid_gid = 1
${root ? "" : `default_internal_user = ${mailUser}\ndefault_login_user = ${mailUser}\n`}mail_location = maildir:${mailDir}/%u
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/users
${oauth2 ? "  mechanisms = plain login\n" : ""}}
${oauth2 ? `passdb {\n  driver = oauth2\n  mechanisms = xoauth2 oauthbearer\n  args = ${dir}/oauth2.conf.ext\n}\n` : ""}
userdb {
  driver = static
  args = uid=${mailUser} gid=${root ? mailUser : (userInfo().gid ?? mailUser)} home=${mailDir}/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service pop3-login {
  inet_listener pop3 {
    port = 0
  }
}
service submission-login {
  inet_listener submission {
    port = 0
  }
}
`,
  );
  const child = spawn(binary, ["-F", "-c", path.join(dir, "dovecot.conf")], { stdio: "ignore" });
  await waitForGreeting(port, child, log);
  return {
    host: "127.0.0.1",
    port,
    user,
    password,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
