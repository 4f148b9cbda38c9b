import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { serviceInputSchema } from "../../common/catalog.ts";
import { createService } from "../catalog/commands/manage-catalog.ts";
import type { App } from "../http/types.ts";
import { describeEachEngine } from "../test/engines.ts";
import {
  buildAgent,
  buildSubmission,
  buildTestApp,
  countRows,
  multipartSubmission,
  signInAs,
  testConfig,
} from "../test/factories.ts";

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

describeEachEngine("requests through a service", ({ db, engine }) => {
  let app: App;
  let serviceId: string;
  const config = testConfig({ dataDir: path.resolve(`.tmp/service-requests-${engine}-${process.pid}`) });
  const submission = async (fields: Record<string, unknown>, extra: object = {}) =>
    buildSubmission(db(), { serviceId, categoryId: undefined, fields, subject: "Approve our domain", ...extra });
  const postJson = (payload: object) =>
    app.inject({ method: "POST", url: "/api/v1/tickets", payload: payload as Record<string, unknown> });
  const postFiles = (body: ReturnType<typeof multipartSubmission>) =>
    app.inject({
      method: "POST",
      url: "/api/v1/tickets/with-attachments",
      headers: body.headers,
      payload: body.payload,
    });
  const storedFiles = () => filesUnder(path.join(config.dataDir, "attachments"));
  const leftovers = () => filesUnder(path.join(config.dataDir, "tmp"));

  it("stores the service's fields and shows agents every field, requesters only theirs", async () => {
    app = await buildTestApp(db(), engine, config);
    const type = await db()
      .selectFrom("ticket_types")
      .select("id")
      .where("key", "=", "domain_approval")
      .executeTakeFirstOrThrow();
    const category = await db().selectFrom("categories").select("id").orderBy("position").executeTakeFirstOrThrow();
    serviceId = await createService(
      db(),
      serviceInputSchema.parse({
        name: "Domain approval",
        slug: "domain-approval",
        categoryId: category.id,
        summary: "Register with your company domain",
        ticketTypeId: type.id,
        defaultPriority: "medium",
        visibility: "public",
      }),
    );
    const response = await postJson(await submission({ domain: "  Example.COM " }));
    expect(response.statusCode).toBe(201);
    const number = response.json().number;

    const agent = await signInAs(app, await buildAgent(db()));
    const asAgent = (
      await app.inject({ method: "GET", url: `/api/v1/tickets/${number}`, headers: { cookie: agent.cookie } })
    ).json();
    expect(asAgent.service).toMatchObject({ name: "Domain approval" });
    expect(asAgent.ticketType).toMatchObject({ name: "Domain approval" });
    expect(asAgent.category).toMatchObject({ id: category.id });
    expect(asAgent.fields).toEqual([
      { id: expect.any(String), key: "domain", label: "Domain", type: "domain", value: "example.com" },
      {
        id: expect.any(String),
        key: "domain_approved",
        label: "Domain Approved",
        type: "single_select",
        value: null,
        optionLabels: {},
      },
    ]);
  });

  const badFields: [string, Record<string, unknown>, Record<string, string>][] = [
    ["a missing required field", {}, { "fields.domain": "Enter Domain." }],
    [
      "a bad domain",
      { domain: "not a domain" },
      { "fields.domain": "Domain must be a domain name, like example.com." },
    ],
    [
      "a domain with a path",
      { domain: "example.com/../etc" },
      { "fields.domain": "Domain must be a domain name, like example.com." },
    ],
    [
      "an agent-only field",
      { domain: "example.com", domain_approved: "Approved" },
      { "fields.domain_approved": "This field cannot be set here." },
    ],
    [
      "an unknown field",
      { domain: "example.com", colour: "red" },
      { "fields.colour": "This field cannot be set here." },
    ],
  ];
  for (const [what, fields, expected] of badFields) {
    it(`refuses ${what} and stores nothing`, async () => {
      const tickets = await countRows(db(), "tickets");
      const response = await postJson(await submission(fields));
      expect(response.statusCode).toBe(400);
      expect(response.json().error.fields).toEqual(expected);
      expect(await countRows(db(), "tickets")).toBe(tickets);
    });
  }

  it("says a field's check in the reader's language, naming the field as they read it", async () => {
    const domain = await db()
      .selectFrom("ticket_fields")
      .select("id")
      .where("key", "=", "domain")
      .executeTakeFirstOrThrow();
    await db()
      .insertInto("content_translations")
      .values({ kind: "ticket-field", entity_id: domain.id, field: "label", locale: "de", text: "Domäne" })
      .execute();
    const response = await app.inject({
      method: "POST",
      url: "/api/v1/tickets",
      headers: { "accept-language": "de" },
      payload: (await submission({ domain: "not a domain" })) as Record<string, unknown>,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual({
      "fields.domain": "Das Feld „Domäne“ muss einen Domainnamen enthalten, z. B. example.com.",
    });
    await db().deleteFrom("content_translations").where("entity_id", "=", domain.id).execute();
  });

  it("keeps attachments under server-made names and cleans the names people see", async () => {
    const names = [
      "../../etc/passwd",
      ".htaccess",
      "invoice\u200b\u202etxt.exe",
      "C:\\Users\\me\\report.pdf",
      "\u0000",
    ];
    const body = multipartSubmission(
      await submission({ domain: "files.example" }),
      names.map((name, i) => ({ name, content: `file ${i}` })),
    );
    const response = await postFiles(body);
    expect(response.statusCode).toBe(201);
    const agent = await signInAs(app, await buildAgent(db()));
    const ticket = (
      await app.inject({
        method: "GET",
        url: `/api/v1/tickets/${response.json().number}`,
        headers: { cookie: agent.cookie },
      })
    ).json();
    expect(ticket.attachments.map((a: { fileName: string }) => a.fileName)).toEqual([
      "passwd",
      "htaccess",
      "invoicetxt.exe",
      "report.pdf",
      "attachment",
    ]);
    for (const file of storedFiles()) expect(path.basename(file)).toMatch(/^[0-9a-f-]{36}$/);

    const download = await app.inject({
      method: "GET",
      url: `/api/v1/attachments/${ticket.attachments[3].id}`,
      headers: { cookie: agent.cookie },
    });
    expect(download.statusCode).toBe(200);
    expect(download.body).toBe("file 3");
    expect(download.headers["content-disposition"]).toBe(
      `attachment; filename="report.pdf"; filename*=UTF-8''report.pdf`,
    );
    expect(download.headers["x-content-type-options"]).toBe("nosniff");
    expect(download.headers["content-type"]).toBe("application/octet-stream");
    expect(leftovers()).toEqual([]);
  });

  it("refuses an oversized file and keeps nothing of the request", async () => {
    const tickets = await countRows(db(), "tickets");
    const stored = storedFiles().length;
    const body = multipartSubmission(await submission({ domain: "big.example" }), [
      { name: "small.txt", content: "fine" },
      { name: "huge.bin", content: Buffer.alloc(10 * 1024 * 1024 + 1) },
    ]);
    const response = await postFiles(body);
    expect(response.statusCode).toBe(413);
    expect(response.json().error.message).toBe("Each attachment may be at most 10 MB.");
    expect(await countRows(db(), "tickets")).toBe(tickets);
    expect(storedFiles()).toHaveLength(stored);
    expect(leftovers()).toEqual([]);
  });

  it("refuses more than ten files", async () => {
    const body = multipartSubmission(
      await submission({ domain: "many.example" }),
      Array.from({ length: 11 }, (_, i) => ({ name: `f${i}.txt`, content: "x" })),
    );
    const response = await postFiles(body);
    expect(response.statusCode).toBe(413);
    expect(response.json().error.message).toBe("Attach at most 10 files.");
    expect(leftovers()).toEqual([]);
  });

  it("removes stored files again when the request itself is refused", async () => {
    const stored = storedFiles().length;
    const body = multipartSubmission(await submission({ domain: "nope" }), [{ name: "a.txt", content: "a" }]);
    const response = await postFiles(body);
    expect(response.statusCode).toBe(400);
    expect(storedFiles()).toHaveLength(stored);
    expect(leftovers()).toEqual([]);
  });

  it("refuses a misspelt key in the submission part, as the JSON route does, and keeps nothing", async () => {
    const stored = storedFiles().length;
    const tickets = await db().selectFrom("tickets").select("id").execute();
    const body = multipartSubmission({ ...(await submission({ domain: "typo.example" })), priorty: "urgent" }, [
      { name: "a.txt", content: "a" },
    ]);
    const response = await postFiles(body);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual({
      priorty: "This field is not known here: check its name in the API reference.",
    });
    expect(await db().selectFrom("tickets").select("id").execute()).toHaveLength(tickets.length);
    expect(storedFiles()).toHaveLength(stored);
    expect(leftovers()).toEqual([]);
  });

  it("keeps formatting but removes scripts from rich-text messages", async () => {
    const html =
      '<p>Hello <strong>team</strong></p><script>alert(1)</script><img src=x onerror="alert(2)"><a href="javascript:alert(3)">click</a> <a href="https://example.com" onclick="x()">site</a><ul><li>one</li></ul>';
    const response = await postJson(
      await submission({ domain: "rich.example" }, { message: html, messageFormat: "html" }),
    );
    expect(response.statusCode).toBe(201);
    const stored = await db()
      .selectFrom("tickets")
      .select("message")
      .where("number", "=", response.json().number)
      .executeTakeFirstOrThrow();
    expect(stored.message).toBe(
      '<p>Hello <strong>team</strong></p><a>click</a> <a href="https://example.com" rel="noopener noreferrer nofollow" target="_blank">site</a><ul><li>one</li></ul>',
    );
    const onlyScript = await postJson(
      await submission({ domain: "rich.example" }, { message: "<script>alert(1)</script>", messageFormat: "html" }),
    );
    expect(onlyScript.statusCode).toBe(400);
    expect(onlyScript.json().error.fields).toEqual({ message: "Describe what you need." });
  });

  it("refuses a form filled in by a robot", async () => {
    const response = await postJson(await submission({ domain: "bot.example" }, { website: "http://spam.example" }));
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual({ website: "Leave this field empty." });
  });
});
