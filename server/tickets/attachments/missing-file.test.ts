/** An attachment whose row exists but whose file is gone from disk (removed by hand, a restore without the files). */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachEngine } from "../../test/engines.ts";
import {
  buildCustomer,
  buildSubmission,
  buildTestApp,
  multipartSubmission,
  signInAs,
  testConfig,
} from "../../test/factories.ts";

describeEachEngine("an attachment whose file is missing", ({ db, engine }) => {
  let dataDir = "";
  beforeAll(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), "switchboard-missing-file-"));
  });
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  // Before, the download's headers (a file called log.txt) went out before the file failed to open: a 500 whose
  // error message the browser saved as log.txt.
  it("answers its download with a plain not-found naming the file, not a download of an error", async () => {
    const app = await buildTestApp(db(), engine, testConfig({ dataDir }));
    const customer = await signInAs(app, await buildCustomer(db()));
    const headers = { cookie: customer.cookie, "x-csrf-token": customer.csrfToken };
    const form = multipartSubmission(await buildSubmission(db()), [
      { name: "log.txt", content: "the log" },
      { name: "screen.txt", content: "the screen" },
    ]);
    const created = await app.inject({
      method: "POST",
      url: "/api/v1/tickets/with-attachments",
      headers: { ...headers, ...form.headers },
      payload: form.payload,
    });
    expect(created.statusCode).toBe(201);
    const rows = await db().selectFrom("attachments").selectAll().orderBy("file_name").execute();
    const [log, screen] = rows;
    if (!log || !screen) throw new Error("both attachments should be stored");
    rmSync(path.join(dataDir, "attachments", log.storage_key));

    const missing = await app.inject({ method: "GET", url: `/api/v1/attachments/${log.id}`, headers });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers["content-disposition"]).toBeUndefined();
    expect(missing.json()).toEqual({
      error: {
        code: "not_found",
        message: 'The file of "log.txt" is missing on the server. Please tell the help desk.',
      },
    });
    // Opened as a page (the link in a tab of its own), it says so in the reader's language, with a way back.
    const page = await app.inject({
      method: "GET",
      url: `/api/v1/attachments/${log.id}`,
      headers: { ...headers, "sec-fetch-mode": "navigate", "accept-language": "de-DE,de;q=0.9" },
    });
    expect(page.statusCode).toBe(404);
    expect(page.headers["content-type"]).toMatch(/^text\/html/);
    expect(page.body).toContain('<html lang="de" dir="ltr">');
    expect(page.body).toContain(
      "<h1>Die Datei „log.txt“ fehlt auf dem Server. Bitte sagen Sie dem Helpdesk Bescheid.</h1>",
    );
    expect(page.body).toContain('<a href="/">Zum Helpdesk</a>');
    // A file name is the customer's text: on the page it is text, never markup.
    await db()
      .updateTable("attachments")
      .set({ file_name: "<img src=x onerror=alert(1)>.txt" })
      .where("id", "=", log.id)
      .execute();
    const hostile = await app.inject({
      method: "GET",
      url: `/api/v1/attachments/${log.id}`,
      headers: { ...headers, "sec-fetch-mode": "navigate" },
    });
    expect(hostile.body).toContain("&lt;img src=x onerror=alert(1)&gt;.txt");
    expect(hostile.body).not.toContain("<img");
    // The ticket's other file is still there to download.
    const other = await app.inject({ method: "GET", url: `/api/v1/attachments/${screen.id}`, headers });
    expect(other.statusCode).toBe(200);
    expect(other.body).toBe("the screen");
    await app.close();
  });
});
