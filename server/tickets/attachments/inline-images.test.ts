import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, it } from "vitest";
import { decodeJson } from "../../db/engine.ts";
import { describeEachEngine } from "../../test/engines.ts";
import { actorOf, buildAgent, buildCustomer, buildSubmission, testConfig } from "../../test/factories.ts";
import { addComment } from "../commands/add-comment.ts";
import { submitTicket } from "../commands/submit-ticket.ts";
import type { UploadedFile } from "./uploads.ts";

/** A file as the upload reader leaves it, waiting to be stored. */
function upload(name: string, id?: string): UploadedFile {
  const tempFile = path.join(mkdtempSync(path.join(tmpdir(), "inline-")), `${name}.upload`);
  writeFileSync(tempFile, "PNG?");
  return { tempFile, fileName: name, contentType: "image/png", size: 4, sha256: "0".repeat(64), ...(id ? { id } : {}) };
}

describeEachEngine("images in written messages", ({ db, engine }) => {
  const ctx = () => ({ db: db(), engine, config: testConfig() });
  /** The words of the ticket's comment, as stored. */
  const commentOn = async (ticketId: string) => {
    const event = await db()
      .selectFrom("ticket_events")
      .select("payload")
      .where("ticket_id", "=", ticketId)
      .where("type", "=", "comment")
      .executeTakeFirstOrThrow();
    return (decodeJson(event.payload) as { body: string }).body;
  };
  const image = (id: string) => `<img src="/api/v1/attachments/${id}" alt="shot" />`;

  it("shows only the ticket's own attachments: another ticket's file cannot be pulled into a message", async () => {
    const alice = await actorOf(db(), await buildCustomer(db()));
    const mallory = await actorOf(db(), await buildCustomer(db()));
    const agent = await actorOf(db(), await buildAgent(db()));
    const first = await submitTicket(ctx(), alice, await buildSubmission(db(), { subject: "Payslip" }), [
      upload("payslip.png"),
    ]);
    const ticketA = await db()
      .selectFrom("tickets")
      .select("id")
      .where("number", "=", first.number)
      .executeTakeFirstOrThrow();
    const { id: fileA } = await db()
      .selectFrom("attachments")
      .select("id")
      .where("ticket_id", "=", ticketA.id)
      .executeTakeFirstOrThrow();

    // Mallory names Alice's file in a request of her own, and in a comment on it.
    const second = await submitTicket(
      ctx(),
      mallory,
      await buildSubmission(db(), { message: `<p>See this</p>${image(fileA)}`, messageFormat: "html" }),
    );
    await addComment(ctx(), mallory, second.number, {
      body: `<p>And this</p>${image(fileA)}`,
      format: "html",
      kind: "public",
    });
    const ticketB = await db()
      .selectFrom("tickets")
      .select(["id", "message"])
      .where("number", "=", second.number)
      .executeTakeFirstOrThrow();
    expect(ticketB.message).toBe("<p>See this</p>");
    expect(await commentOn(ticketB.id)).toBe("<p>And this</p>");

    // On Alice's own ticket, its file may be shown.
    await addComment(ctx(), agent, first.number, {
      body: `<p>Is it this?</p>${image(fileA)}`,
      format: "html",
      kind: "public",
    });
    expect(await commentOn(ticketA.id)).toContain(`src="/api/v1/attachments/${fileA}"`);
  });

  it("keeps the images of files that come with a new ticket (a mail's inline screenshot)", async () => {
    const customer = await actorOf(db(), await buildCustomer(db()));
    const inlineId = "01a23bff-0000-7000-8000-000000000001";
    const { number } = await submitTicket(
      ctx(),
      customer,
      await buildSubmission(db(), { message: `<p>Error:</p>${image(inlineId)}`, messageFormat: "html" }),
      [upload("screenshot.png", inlineId)],
    );
    const ticket = await db()
      .selectFrom("tickets")
      .select("message")
      .where("number", "=", number)
      .executeTakeFirstOrThrow();
    expect(ticket.message).toContain(`src="/api/v1/attachments/${inlineId}"`);
  });
});
