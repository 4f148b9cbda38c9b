/**
 * The .eml corpus: real-world-shaped messages (replies from common clients,
 * forwards, auto-replies, bounces, lists, odd charsets, script payloads,
 * nested and huge messages) and what each must become, on both engines.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { decodeJson } from "../../db/engine.ts";
import { describeEachEngine } from "../../test/engines.ts";
import { buildUser, testConfig } from "../../test/factories.ts";
import { replyAddress, replyAddressSecret } from "../threading.ts";
import { processInbound } from "./router.ts";
import { storeInbound } from "./store.ts";
import { ensureMailbox, fixture, fixturesDir, type SeededTicket, seedTicket, supportAddress } from "./test-support.ts";

type Expectation = {
  status: "processed" | "ignored" | "review" | "quarantined";
  reason: string;
  /** processed: where the text went, and what it must and must not say. */
  includes?: string[];
  excludes?: string[];
  subject?: string;
  requester?: string;
  /** The requester's name as the mail gave it. */
  name?: string;
  format?: "text" | "html";
  ccs?: string[];
  attachments?: string[];
  /** How many images the request shows inline, each pointing at one of its own attachments. */
  inlineImages?: number;
  /** Who the reply is shown as written by. */
  author?: string;
  /** How the ticket being answered is made: by the web form (default), by mail, or closed. */
  seed?: "web" | "mail" | "closed";
  requesterAccount?: boolean;
};

const reply = (includes: string[], excludes: string[] = [], extra: Partial<Expectation> = {}): Expectation => ({
  status: "processed",
  reason: "reply",
  includes,
  excludes,
  ...extra,
});
const newTicket = (extra: Partial<Expectation>): Expectation => ({
  status: "processed",
  reason: "new_ticket",
  ...extra,
});
const ignored = (reason: string): Expectation => ({ status: "ignored", reason });

const expectations: Record<string, Expectation> = {
  // Replies: signed reply address, References/In-Reply-To, subject number; quotes and signatures trimmed.
  "reply-gmail-signed-address.eml": reply(
    ["It dropped again this morning at 9:40"],
    ["Thank you for contacting us", "wrote:"],
  ),
  "reply-outlook-references.eml": reply(
    ["drop happens at 10:52", "Kind regards"],
    ["Sent: Monday", "Hello Robin Guest"],
  ),
  "reply-apple-mail-quoted.eml": reply(
    ["Restarting the router did not help"],
    ["Sent from my iPhone", "Thank you for"],
  ),
  "reply-thunderbird-german-aw.eml": reply(["bricht weiterhin ab", "Viele Grüße"], ["schrieb", "Thank you for"]),
  // Gmail wraps its attribution line in every language, French puts a no-break space before the colon, and
  // Outlook in Spanish heads its block "Enviado el:". Before, each left the attribution (or the whole quoted
  // mail) under the customer's words on the ticket.
  "reply-gmail-german-wrapped.eml": reply(["immer noch ab"], ["schrieb", "help@support.example", "Thank you for"]),
  "reply-gmail-french-wrapped.eml": reply(["coupe toujours"], ["écrit", "help@support.example", "Thank you for"]),
  "reply-gmail-spanish-wrapped.eml": reply(["se sigue cortando"], ["escribió", "help@support.example", "Thank you"]),
  "reply-apple-mail-french-nbsp.eml": reply(["n’a rien changé"], ["écrit", "help@support.example", "Thank you"]),
  "reply-outlook-spanish-enviado-el.eml": reply(["Sigue igual", "Saludos"], ["Enviado el", "Thank you for"]),
  "reply-subject-number-only.eml": reply(["same VPN problem"]),
  "reply-edited-subject.eml": reply(["printer also disconnects"]),
  "reply-from-cc.eml": reply(["same drops on my machine"], [], { author: "sam.cc@example.com" }),
  "reply-from-agent.eml": reply(["update the VPN client to version 5.2"], ["Ada, Service Desk"], {
    author: "Agent Ada",
  }),
  "reply-with-attachment.eml": reply(["VPN client log"], [], { attachments: ["vpn-log.pdf"] }),
  "reply-prefix-chain-sv.eml": reply(["still the same request"]),
  "reply-html-only-blockquote.eml": reply(["It works again after the update"], ["version 5.2", "wrote:"]),
  "reply-references-customer-original.eml": reply(["error 49.4C02"], [], { seed: "mail" }),
  "reply-to-closed-ticket.eml": {
    status: "processed",
    reason: "follow_up",
    includes: ["The problem is back"],
    seed: "closed",
  },
  // Strangers never get into someone else's ticket.
  "reply-stranger-quotes-number.eml": newTicket({
    requester: "mallory@elsewhere.example",
    // Our tag for the other request is not carried over (issue 14).
    subject: "The VPN drops every ten minutes",
    includes: ["send me everything"],
  }),
  "reply-stranger-signed-address.eml": { status: "review", reason: "sender_not_on_ticket" },
  "reply-forged-reply-address.eml": newTicket({ requester: "mallory@elsewhere.example", subject: "About my VPN" }),
  "reply-forged-control-headers.eml": newTicket({ requester: "mallory@elsewhere.example" }),
  // New requests.
  "new-plain-text-signature.eml": newTicket({
    subject: "Printer on floor 3 is offline",
    requester: "kim@example.org",
    format: "text",
    includes: ["offline since this morning"],
    excludes: ["Facilities |"],
  }),
  "new-html-multipart.eml": newTicket({
    format: "html",
    includes: ["<strong>S: drive</strong>", "<li>It worked yesterday</li>"],
    excludes: ["<style", "color:red"],
  }),
  // Outlook in "Rich Text", HTML-only: the customer's files come inside winmail.dat, which no other client
  // opens. Before, the request showed the agent that one file; now the files inside, with their long names.
  "new-outlook-html-only-tnef-files.eml": newTicket({
    subject: "Angebot und Geräteliste",
    format: "html",
    includes: ["anbei das Angebot für den Wartungsvertrag"],
    attachments: ["Angebot Wartungsvertrag 2026.pdf", "Geräteliste März.xlsx"],
  }),
  // Opaque-signed S/MIME (smime.p7m), made by OpenSSL in DER and streamed as BER: the message is inside the
  // signature. Before, the request read "(The message has no text.)" with one file no browser opens.
  "new-smime-opaque-signed.eml": newTicket({
    subject: "Zugang Mandantenportal",
    requester: "legal@example-law.example",
    format: "text",
    includes: ["bitte richten Sie für Frau Müller einen Zugang zum Mandantenportal ein.", "Kanzlei Berger"],
    excludes: ["no text"],
    attachments: ["smime.p7m"],
  }),
  "new-smime-opaque-signed-ber.eml": newTicket({
    subject: "Zugang Mandantenportal",
    format: "text",
    includes: ["bitte richten Sie für Frau Müller einen Zugang zum Mandantenportal ein."],
    excludes: ["no text"],
    attachments: ["smime.p7m"],
  }),
  "new-html-only.eml": newTicket({ format: "html", includes: ["<b>battery</b>", "keep using it?"] }),
  "new-script-payload.eml": newTicket({
    subject: "<script>alert(1)</script> Urgent",
    format: "html",
    includes: ["Hello", "team", 'href="https://example.net/help"'],
    excludes: ["<script", "document.cookie", "onerror", "javascript:", "onclick", "<iframe", "<style", "<img"],
  }),
  "new-iso-8859-1-qp.eml": newTicket({
    subject: "Zugang für neue Kollegin",
    includes: ["Zugang für unsere neue Kollegin", "Grüße"],
  }),
  "new-windows-1252.eml": newTicket({ subject: "“Smart” quotes – broken", includes: ["“total € 1.200”"] }),
  "new-iso-2022-jp.eml": newTicket({ subject: "パスワード", includes: ["パスワードを忘れました"] }),
  "new-utf8-base64-emoji.eml": newTicket({ subject: "🔥 Server room is hot", includes: ["31 °C 🔥"] }),
  "new-koi8-r.eml": newTicket({ subject: "Проблема с почтой", includes: ["Почта не приходит с утра."] }),
  "new-with-ccs.eml": newTicket({ ccs: ["chris@example.com", "dana@example.com"] }),
  "new-with-attachments.eml": newTicket({ attachments: ["error log.txt", "screenshot.png"] }),
  "new-forwarded-inline.eml": newTicket({
    subject: "Invoice 2025-118 overdue?",
    includes: ["We paid last week", "overdue by 14 days"],
  }),
  "new-forwarded-as-attachment.eml": newTicket({
    subject: "Suspicious login alert",
    attachments: ["Suspicious login alert.eml"],
  }),
  "new-nested-multipart.eml": newTicket({
    format: "html",
    includes: ["<em>stretched</em>"],
    attachments: ["brand-spec.txt", "image-1.png"],
    inlineImages: 1,
  }),
  // Long HTML keeps its whole body; block structure survives; inline screenshots are shown and kept.
  "new-html-only-long-255kb.eml": newTicket({
    format: "html",
    includes: ["Hello service desk,", "Backup job 777 finished", "END-OF-LONG-REPORT"],
    excludes: ["has no text", "Shortened", "<style", "<table"],
  }),
  "new-html-only-div-table-blocks.eml": newTicket({
    format: "html",
    includes: ["übernommen<br />Schriftfarbe", "Vorlage: Briefkopf 2025", "<li>Schritt zwei</li>"],
    excludes: ["übernommenSchriftfarbe", "2025Programm"],
  }),
  "new-outlook-inline-screenshot.eml": newTicket({
    subject: "Fehlermeldung beim Buchen",
    format: "html",
    includes: ["beim Buchen der Reise kommt diese Fehlermeldung:", "Grüße"],
    excludes: ["cid:"],
    attachments: ["image001.png"],
    inlineImages: 1,
  }),
  "reply-html-only-table-quote.eml": reply(
    ["Here are the details you asked for:\nClient version 5.1.3\nOperating system Windows 11\nThanks"],
    ["Which client version", "wrote:"],
  ),
  "new-no-subject.eml": newTicket({ subject: "(no subject)", includes: ["letter E"] }),
  "new-empty-body.eml": newTicket({ subject: "Call me back about the phone contract", includes: ["no text"] }),
  "new-huge-attachment.eml": newTicket({ attachments: ["dump.bin"] }),
  "new-no-message-id.eml": newTicket({ includes: ["without a Message-ID"] }),
  "new-unknown-charset.eml": newTicket({ includes: ["odd characters"] }),
  "new-account-holder.eml": newTicket({ requester: "casey.customer@example.com", requesterAccount: true }),
  "new-encoded-from-name.eml": newTicket({ subject: "Møterom booking", requester: "asa@example.no" }),
  "new-auto-submitted-no.eml": newTicket({ includes: ["a person wrote this"] }),
  // Charsets: raw 8-bit headers, wrong labels, unknown labels, UTF-7, no Content-Type at all.
  "new-gb2312-raw-8bit-headers.eml": newTicket({
    subject: "打印机无法连接",
    requester: "zhang.wei@example.cn",
    name: "张伟",
    includes: ["办公室的打印机从昨天开始无法连接"],
    excludes: ["\ufffd"],
  }),
  "new-iso-2022-jp-mislabelled-sjis.eml": newTicket({
    subject: "会議室の予約",
    includes: ["会議室の予約ができません。", "確認をお願いします。"],
    excludes: ["\ufffd"],
  }),
  "new-unknown-label-iso-gb2312.eml": newTicket({
    subject: "Password reset",
    includes: ["请帮我重置邮箱密码"],
    excludes: ["\ufffd"],
  }),
  "new-utf7-subject.eml": newTicket({
    subject: "Grüße aus Köln: Drucker defekt",
    includes: ["leere Seiten"],
  }),
  "new-no-content-type-8bit-cjk.eml": newTicket({
    subject: "Server down",
    includes: ["服务器今天早上宕机了"],
    excludes: ["\ufffd"],
  }),
  "new-sjis-raw-subject-mobile.eml": newTicket({
    subject: "パスワードの変更",
    name: "佐藤",
    includes: ["パスワードを変更したいのですが"],
  }),
  // Unnamed parts are named from their type and kept; an unnamed HTML part is not glued onto the body.
  "new-unnamed-parts-html-and-image.eml": newTicket({
    format: "text",
    includes: ["The weekly printer report is attached"],
    excludes: ["Printer report", "18,204"],
    attachments: ["image-1.png", "part-2.html", "part-4.bin"],
  }),
  // An encoded word inside the address is not an address (it could claim a staff address): held.
  "invalid-encoded-word-in-address.eml": { status: "review", reason: "invalid_sender" },
  "invalid-encoded-word-in-angle-address.eml": { status: "review", reason: "invalid_sender" },
  // Never a ticket, never an answer.
  "auto-reply-auto-submitted.eml": ignored("auto_reply"),
  "auto-reply-exchange-subject.eml": ignored("auto_reply"),
  "auto-reply-x-autoreply.eml": ignored("auto_reply"),
  "auto-reply-precedence-auto-reply.eml": ignored("auto_reply"),
  "bounce-dsn-mailer-daemon.eml": ignored("bounce"),
  "bounce-postmaster-plain.eml": ignored("bounce"),
  "mailing-list.eml": ignored("mailing_list"),
  "newsletter-precedence-bulk.eml": ignored("bulk"),
  "spam-precedence-junk.eml": ignored("bulk"),
  "own-mail-from-our-address.eml": ignored("own_mail"),
  "own-mail-our-message-id.eml": ignored("own_mail"),
  "own-mail-reply-address-sender.eml": ignored("own_mail"),
  // Held for a person, or kept aside.
  "no-sender.eml": { status: "review", reason: "no_sender" },
  "no-sender-undisclosed-group.eml": { status: "review", reason: "no_sender" },
  "unreadable-binary.eml": { status: "quarantined", reason: "unreadable" },
};

/**
 * The generated shapes (g-*.eml: clients, charsets, forwards, invitations, signatures, bounces…) and what
 * each must become, written together by fixtures/generate.py.
 */
const generated = JSON.parse(readFileSync(path.join(fixturesDir, "generated.json"), "utf8")) as Record<
  string,
  Expectation
>;
for (const [file, expectation] of Object.entries(generated)) {
  if (file in expectations) throw new Error(`${file} is expected twice`);
  expectations[file] = expectation;
}

const files = readdirSync(fixturesDir).filter((f) => f.endsWith(".eml"));

describe("the .eml corpus", () => {
  it("has at least 150 messages, each with an expected outcome", () => {
    expect(files.length).toBeGreaterThanOrEqual(150);
    expect(files.toSorted()).toEqual(Object.keys(expectations).toSorted());
  });
});

describeEachEngine("inbound mail corpus", ({ db }) => {
  const config = testConfig();
  let mailboxId = "";

  beforeAll(async () => {
    mailboxId = await ensureMailbox(db());
    await buildUser(db(), "agent", "Agent Ada");
    await buildUser(db(), "customer", "Casey Customer");
  });

  async function receive(raw: Buffer) {
    const stored = await storeInbound(db(), { mailboxId, raw, source: "smtp", envelopeFrom: null });
    await processInbound({ db: db(), config }, stored.id);
    return db().selectFrom("inbound_messages").selectAll().where("id", "=", stored.id).executeTakeFirstOrThrow();
  }

  async function seedFor(expectation: Expectation): Promise<SeededTicket & { inboundMessageId: string }> {
    if (expectation.seed === "mail") {
      const messageId = `<printer-${Date.now()}@example.com>`;
      const raw = Buffer.from(
        `From: Robin Guest <robin.guest@example.com>\r\nTo: help@support.example\r\nSubject: Printer on floor 3 is offline\r\nMessage-ID: ${messageId}\r\n\r\nThe printer is offline.\r\n`,
      );
      const row = await receive(raw);
      const ticket = await db()
        .selectFrom("tickets")
        .select(["id", "number"])
        .where("id", "=", row.ticket_id)
        .executeTakeFirstOrThrow();
      return { ...ticket, messageId: "", replyTo: "", inboundMessageId: messageId };
    }
    const seeded = await seedTicket(db(), config);
    await db()
      .insertInto("ticket_ccs")
      .values({
        ticket_id: seeded.id,
        email: "sam.cc@example.com",
        added_by_name: "Robin Guest",
        created_at: new Date().toISOString(),
      })
      .execute();
    if (expectation.seed === "closed") {
      const closed = await db()
        .selectFrom("statuses")
        .select("id")
        .where("category", "=", "closed")
        .executeTakeFirstOrThrow();
      await db().updateTable("tickets").set({ status_id: closed.id }).where("id", "=", seeded.id).execute();
    }
    return { ...seeded, inboundMessageId: "" };
  }

  for (const [file, expected] of Object.entries(expectations)) {
    it(`${file} → ${expected.status} (${expected.reason})`, async () => {
      const needsTicket = fixture(file).includes("{{");
      const seed = needsTicket ? await seedFor(expected) : undefined;
      const raw = fixture(file, {
        NUMBER: String(seed?.number ?? 0),
        TICKET_MSGID: seed?.messageId ?? "",
        REPLY_TO: seed?.replyTo ?? "",
        // Mail to an agent carries a reply address signed for that agent: only it proves an agent's reply.
        AGENT_REPLY_TO: seed
          ? replyAddress(supportAddress, seed, await replyAddressSecret(db()), "agent.ada@example.com")
          : "",
        INBOUND_MSGID: seed?.inboundMessageId ?? "",
      });
      const mailsBefore = await db()
        .selectFrom("mail_messages")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow();
      const row = await receive(raw);
      expect({ status: row.status, reason: row.reason }, row.detail ?? "").toEqual({
        status: expected.status,
        reason: expected.reason,
      });

      if (expected.status !== "processed") {
        // Nothing filed, and nobody answered: no loops, no backscatter.
        expect(row.ticket_id).toBeNull();
        const mailsAfter = await db()
          .selectFrom("mail_messages")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow();
        expect(Number(mailsAfter.n)).toBe(Number(mailsBefore.n));
        if (seed) {
          const comments = await db()
            .selectFrom("ticket_events")
            .select("id")
            .where("ticket_id", "=", seed.id)
            .where("type", "=", "comment")
            .execute();
          expect(comments).toHaveLength(0);
        }
        return;
      }

      const ticket = await db()
        .selectFrom("tickets")
        .selectAll()
        .where("id", "=", row.ticket_id)
        .executeTakeFirstOrThrow();
      let text: string;
      if (expected.reason === "reply") {
        expect(ticket.id).toBe(seed?.id);
        const comment = await db()
          .selectFrom("ticket_events")
          .select(["payload", "actor_name"])
          .where("ticket_id", "=", ticket.id)
          .where("type", "=", "comment")
          .orderBy("created_at", "desc")
          .executeTakeFirstOrThrow();
        const payload = decodeJson(comment.payload) as { body: string; channel: string };
        expect(payload.channel).toBe("email");
        text = payload.body;
        if (expected.author) expect(comment.actor_name).toBe(expected.author);
      } else {
        if (seed) {
          // A new ticket, and the one whose number or thread it named is untouched.
          expect(ticket.id).not.toBe(seed.id);
          const comments = await db()
            .selectFrom("ticket_events")
            .select("id")
            .where("ticket_id", "=", seed.id)
            .where("type", "=", "comment")
            .execute();
          expect(comments).toHaveLength(0);
        }
        if (expected.reason === "follow_up") expect(ticket.follow_up_of).toBe(seed?.id);
        text = ticket.message;
        if (expected.subject) expect(ticket.subject).toBe(expected.subject);
        if (expected.requester) expect(ticket.requester_email).toBe(expected.requester);
        if (expected.name) expect(ticket.requester_name).toBe(expected.name);
        if (expected.format) expect(ticket.message_format).toBe(expected.format);
        if (expected.requesterAccount !== undefined)
          expect(ticket.requester_id !== null).toBe(expected.requesterAccount);
      }
      for (const part of expected.includes ?? []) expect(text).toContain(part);
      for (const part of expected.excludes ?? []) expect(text).not.toContain(part);
      if (expected.ccs) {
        const ccs = await db().selectFrom("ticket_ccs").select("email").where("ticket_id", "=", ticket.id).execute();
        expect(ccs.map((c) => c.email).toSorted()).toEqual(expected.ccs);
      }
      if (expected.attachments) {
        const attachments = await db()
          .selectFrom("attachments")
          .select("file_name")
          .where("ticket_id", "=", ticket.id)
          .execute();
        expect(attachments.map((a) => a.file_name).toSorted()).toEqual(expected.attachments);
      }
      if (expected.inlineImages !== undefined) {
        const attachments = await db()
          .selectFrom("attachments")
          .select("id")
          .where("ticket_id", "=", ticket.id)
          .execute();
        const shown = [...text.matchAll(/<img src="\/api\/v1\/attachments\/([0-9a-f-]{36})"/g)].map((m) => m[1]);
        expect(shown).toHaveLength(expected.inlineImages);
        for (const id of shown) expect(attachments.map((a) => a.id)).toContain(id);
      }
    });
  }
});
