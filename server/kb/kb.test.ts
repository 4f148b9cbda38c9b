import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { type KbArticleInput, kbArticleInputSchema, snippetEnd, snippetStart } from "../../common/kb.ts";
import { createOrganization } from "../accounts/commands/manage-directory.ts";
import type { App } from "../http/types.ts";
import { describeEachEngine } from "../test/engines.ts";
import {
  buildAdmin,
  buildAgent,
  buildCustomer,
  buildSubmission,
  buildTestApp,
  type SignedInClient,
  signInAs,
} from "../test/factories.ts";
import { seedDemoHelpCentre } from "./demo-content.ts";

describeEachEngine("the knowledge base", ({ db, engine }) => {
  let app: App;
  let editor: SignedInClient;
  let agent: SignedInClient;
  let customer: SignedInClient;
  let acmeCustomer: SignedInClient;
  let acme: string;

  const send = async (
    method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE",
    url: string,
    who?: SignedInClient,
    payload?: unknown,
    cookie?: string,
  ) =>
    app.inject({
      method,
      url,
      headers: {
        ...(who ? { cookie: who.cookie, "x-csrf-token": who.csrfToken } : {}),
        ...(cookie ? { cookie } : {}),
      },
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });

  const write = async (input: Partial<KbArticleInput> & { title: string; slug: string }, publish = true) => {
    const response = await send("POST", "/api/v1/admin/kb/articles", editor, kbArticleInputSchema.parse(input));
    expect(response.statusCode, response.body).toBe(201);
    const id = response.json().id as string;
    if (publish) {
      const published = await send("POST", `/api/v1/admin/kb/articles/${id}/status`, editor, { status: "published" });
      expect(published.statusCode).toBe(204);
    }
    return id;
  };
  const searchSlugs = async (q: string, who?: SignedInClient) => {
    const response = await send("GET", `/api/v1/kb/search?q=${encodeURIComponent(q)}`, who);
    expect(response.statusCode).toBe(200);
    return (response.json().articles as { slug: string }[]).map((a) => a.slug);
  };

  beforeAll(async () => {
    app = await buildTestApp(db(), engine);
    acme = await createOrganization(db(), { name: "Acme" });
    // Agents hold kb.edit through the built-in Agent role.
    editor = await signInAs(app, await buildAgent(db()));
    agent = await signInAs(app, await buildAgent(db()));
    customer = await signInAs(app, await buildCustomer(db()));
    const acmeUser = await buildCustomer(db());
    await db().insertInto("organization_members").values({ user_id: acmeUser.id, organization_id: acme }).execute();
    acmeCustomer = await signInAs(app, acmeUser);
  });

  describe("who reads what", () => {
    beforeAll(async () => {
      const body = "<p>How to reset the zebra printer queue.</p>";
      await write({ title: "Zebra for everyone", slug: "zebra-public", body, visibility: "public" });
      await write({ title: "Zebra for customers", slug: "zebra-customers", body, visibility: "customers" });
      await write({
        title: "Zebra for Acme",
        slug: "zebra-acme",
        body,
        visibility: "restricted",
        organizationIds: [acme],
      });
      await write({ title: "Zebra for agents", slug: "zebra-internal", body, visibility: "internal" });
      await write({ title: "Zebra draft", slug: "zebra-draft", body, visibility: "public" }, false);
      const archived = await write({ title: "Zebra archived", slug: "zebra-archived", body });
      await send("POST", `/api/v1/admin/kb/articles/${archived}/status`, editor, { status: "archived" });
    });

    const expected = {
      visitor: ["zebra-public"],
      customer: ["zebra-customers", "zebra-public"],
      acme: ["zebra-acme", "zebra-customers", "zebra-public"],
      agent: ["zebra-acme", "zebra-customers", "zebra-internal", "zebra-public"],
    };
    const who = () => ({ visitor: undefined, customer, acme: acmeCustomer, agent });

    it("by page: an article the reader may not see is not found", async () => {
      for (const [name, client] of Object.entries(who())) {
        const readable: string[] = [];
        for (const slug of [
          "zebra-public",
          "zebra-customers",
          "zebra-acme",
          "zebra-internal",
          "zebra-draft",
          "zebra-archived",
        ]) {
          const response = await send("GET", `/api/v1/kb/articles/${slug}`, client);
          if (response.statusCode === 200) readable.push(slug);
          else expect(response.statusCode).toBe(404);
        }
        expect(readable.sort(), name).toEqual(expected[name as keyof typeof expected]);
      }
    });

    it("by search and by suggestion", async () => {
      for (const [name, client] of Object.entries(who())) {
        expect((await searchSlugs("zebra", client)).sort(), name).toEqual(expected[name as keyof typeof expected]);
        const suggested = await send("POST", "/api/v1/kb/suggestions", client, {
          token: randomUUID(),
          subject: "my zebra printer is stuck",
        });
        const slugs = (suggested.json().articles as { slug: string }[]).map((a) => a.slug).sort();
        expect(slugs, name).toEqual(expected[name as keyof typeof expected]);
      }
    });

    it("by the front page and the sitemap", async () => {
      const home = (await send("GET", "/api/v1/kb/home")).json();
      const listed = [...home.popular, ...home.recent].map((a: { slug: string }) => a.slug);
      expect(listed.filter((s: string) => s.startsWith("zebra-") && s !== "zebra-public")).toEqual([]);
      // The sitemap lists what a visitor may read, even when an agent asks.
      const sitemap = await send("GET", "/sitemap.xml", agent);
      expect(sitemap.statusCode).toBe(200);
      expect(sitemap.body).toContain("/help/articles/zebra-public</loc>");
      for (const hidden of ["zebra-customers", "zebra-acme", "zebra-internal", "zebra-draft", "zebra-archived"]) {
        expect(sitemap.body).not.toContain(hidden);
      }
    });

    it("editors' routes refuse customers", async () => {
      expect((await send("GET", "/api/v1/admin/kb/articles", customer)).statusCode).toBe(403);
      expect((await send("GET", "/api/v1/admin/kb/articles")).statusCode).toBe(401);
      const list = await send("GET", "/api/v1/admin/kb/articles?status=draft", editor);
      expect(list.json().articles.map((a: { slug: string }) => a.slug)).toContain("zebra-draft");
    });
  });

  it("searches by word prefix, ranks titles over bodies, marks snippets and records searches that found nothing", async () => {
    await write({ title: "Kangaroo in the body only", slug: "in-body", body: "<p>The wallaby and the kangaroo.</p>" });
    await write({ title: "Wallaby guide", slug: "in-title", body: "<p>Nothing else to see here.</p>" });
    expect(await searchSlugs("wallaby")).toEqual(["in-title", "in-body"]);
    expect(await searchSlugs("kanga")).toEqual(["in-body"]);
    const hit = (await send("GET", "/api/v1/kb/search?q=kangaroo")).json().articles[0];
    expect(hit.snippet).toContain(`${snippetStart}kangaroo${snippetEnd}`);
    // Search syntax in the query is just words.
    expect(await searchSlugs('wallaby"* (')).toEqual(["in-title", "in-body"]);

    expect(await searchSlugs("platypus")).toEqual([]);
    const stats = (await send("GET", "/api/v1/admin/kb/stats", editor)).json();
    expect(stats.unanswered).toContainEqual(expect.objectContaining({ query: "platypus", count: 1 }));
  });

  it("keeps revisions with who changed what, and restores an old one", async () => {
    const id = await write({
      title: "Resetting your password",
      slug: "reset-password",
      body: '<h2>Steps</h2><p>First</p><script>alert(1)</script><div data-callout="warning"><p>Careful</p></div>',
    });
    const article = (await send("GET", `/api/v1/admin/kb/articles/${id}`, editor)).json();
    expect(article.body).toContain("<h2>Steps</h2>");
    expect(article.body).toContain('<div data-callout="warning">');
    expect(article.body).not.toContain("script");

    const edited = await send("PUT", `/api/v1/admin/kb/articles/${id}`, agent, {
      ...kbArticleInputSchema.parse({ title: "Resetting your password", slug: "reset-password" }),
      body: "<p>Second version</p>",
    });
    expect(edited.statusCode).toBe(204);
    const revisions = (await send("GET", `/api/v1/admin/kb/articles/${id}/revisions`, editor)).json().revisions;
    expect(revisions.map((r: { number: number; authorName: string }) => [r.number, r.authorName])).toEqual([
      [2, agent.user.name],
      [1, editor.user.name],
    ]);
    expect((await searchSlugs("second")).includes("reset-password")).toBe(true);

    // A number past the database's integers is a clear 400 (PostgreSQL answered 500).
    const huge = await send("POST", `/api/v1/admin/kb/articles/${id}/revisions/${2 ** 31}/restore`, editor);
    expect(huge.statusCode).toBe(400);
    expect(Object.keys(huge.json().error.fields)).toEqual(["number"]);
    expect((await send("POST", `/api/v1/admin/kb/articles/${id}/revisions/1/restore`, editor)).statusCode).toBe(204);
    const restored = (await send("GET", "/api/v1/kb/articles/reset-password")).json();
    expect(restored.body).toContain("<h2>Steps</h2>");
    const after = (await send("GET", `/api/v1/admin/kb/articles/${id}/revisions`, editor)).json().revisions;
    // The note as stored (English), and as a code the revision history words in the editor's language.
    expect(after[0]).toMatchObject({
      number: 3,
      note: "Restored revision 1",
      noteCode: { code: "restored", number: 1 },
    });
    expect(after[1]).toMatchObject({ number: 2, note: null, noteCode: null });
    expect(await searchSlugs("second")).not.toContain("reset-password");
  });

  it("counts one vote per person or browser, and lets them change it", async () => {
    await write({ title: "Voting article", slug: "voting" });
    const first = await send("POST", "/api/v1/kb/articles/voting/votes", undefined, {
      helpful: false,
      comment: "Unclear",
    });
    expect(first.json()).toEqual({ yes: 0, total: 1, mine: false });
    const browser = first.cookies.find((c) => c.name === "sb_kb_voter");
    expect(browser).toBeDefined();
    const again = await send(
      "POST",
      "/api/v1/kb/articles/voting/votes",
      undefined,
      { helpful: true },
      `sb_kb_voter=${browser?.value}`,
    );
    expect(again.json()).toEqual({ yes: 1, total: 1, mine: true });
    const signedIn = await send("POST", "/api/v1/kb/articles/voting/votes", customer, { helpful: false });
    expect(signedIn.json()).toEqual({ yes: 1, total: 2, mine: false });
    const page = (
      await send("GET", "/api/v1/kb/articles/voting", undefined, undefined, `sb_kb_voter=${browser?.value}`)
    ).json();
    expect(page.helpful).toEqual({ yes: 1, total: 2, mine: true });
    // A vote on an article the voter may not read is refused like a missing article.
    expect(
      (await send("POST", "/api/v1/kb/articles/zebra-internal/votes", customer, { helpful: true })).statusCode,
    ).toBe(404);
  });

  it("counts an offered article opened without a request as a deflection; agents see what a requester was offered", async () => {
    const id = await write({ title: "VPN keeps dropping", slug: "vpn-drops", body: "<p>Reconnect the VPN.</p>" });
    // Visit one: opened the article, never submitted.
    const leaver = randomUUID();
    const offered = await send("POST", "/api/v1/kb/suggestions", undefined, { token: leaver, subject: "vpn drops" });
    expect(offered.json().articles.map((a: { slug: string }) => a.slug)).toEqual(["vpn-drops"]);
    expect(
      (await send("POST", "/api/v1/kb/suggestions/opened", undefined, { token: leaver, articleId: id })).statusCode,
    ).toBe(204);
    // Visit two: opened it too, then submitted anyway.
    const submitter = randomUUID();
    await send("POST", "/api/v1/kb/suggestions", undefined, { token: submitter, subject: "vpn drops again" });
    await send("POST", "/api/v1/kb/suggestions/opened", undefined, { token: submitter, articleId: id });
    const submitted = await send(
      "POST",
      "/api/v1/tickets",
      undefined,
      await buildSubmission(db(), { subject: "VPN drops again", kbSuggestionToken: submitter }),
    );
    expect(submitted.statusCode).toBe(201);
    const number = submitted.json().number;

    const stats = (await send("GET", "/api/v1/admin/kb/stats", editor)).json();
    expect(stats.articles.find((a: { id: string }) => a.id === id)?.deflections).toBe(1);
    const onTicket = await send("GET", `/api/v1/tickets/${number}/kb-suggestions`, agent);
    expect(onTicket.json().articles).toEqual([expect.objectContaining({ slug: "vpn-drops", opened: true })]);
    expect((await send("GET", `/api/v1/tickets/${number}/kb-suggestions`, customer)).statusCode).toBe(403);
  });

  it("writes a draft from the answer as it reads now: not a removed reply, nor words an edit took out", async () => {
    const submitted = await send(
      "POST",
      "/api/v1/tickets",
      customer,
      await buildSubmission(db(), { subject: "Wombat printer jams", message: "The wombat printer jams." }),
    );
    const number = submitted.json().number;
    const answer = async (body: string) => {
      const posted = await send("POST", `/api/v1/tickets/${number}/comments`, agent, { body, kind: "public" });
      expect(posted.statusCode).toBe(201);
      return posted.json().id as string;
    };
    const ticketComment = (id: string) => `/api/v1/tickets/${number}/comments/${id}`;
    const edited = await answer("Open tray two. The admin password is Wombat-Secret-1.");
    const removed = await answer("Ignore that: the shared account is Wombat-Secret-2.");
    expect((await send("PATCH", ticketComment(edited), agent, { body: "Open tray two." })).statusCode).toBe(204);
    expect((await send("DELETE", ticketComment(removed), agent)).statusCode).toBe(204);

    const created = await send("POST", `/api/v1/tickets/${number}/kb-articles`, agent);
    expect(created.statusCode).toBe(201);
    const draft = (await send("GET", `/api/v1/admin/kb/articles/${created.json().id}`, agent)).json();
    expect(draft.body).not.toContain("Wombat-Secret");
    expect(draft.body).toContain("Open tray two.");
  });

  it("writes a draft from a ticket's question and the agent's public answer; agents find it once published", async () => {
    const submitted = await send(
      "POST",
      "/api/v1/tickets",
      customer,
      await buildSubmission(db(), {
        subject: "Quokka badge does not open the door",
        message: "My quokka badge fails.",
      }),
    );
    const number = submitted.json().number;
    const reply = await send("POST", `/api/v1/tickets/${number}/comments`, agent, {
      body: "Hold the quokka badge on the reader for two seconds.",
      kind: "public",
    });
    expect(reply.statusCode).toBe(201);
    expect((await send("POST", `/api/v1/tickets/${number}/kb-articles`, customer)).statusCode).toBe(403);
    const created = await send("POST", `/api/v1/tickets/${number}/kb-articles`, agent);
    expect(created.statusCode).toBe(201);
    const draft = (await send("GET", `/api/v1/admin/kb/articles/${created.json().id}`, agent)).json();
    expect(draft).toMatchObject({
      status: "draft",
      title: "Quokka badge does not open the door",
      visibility: "internal",
    });
    expect(draft.body).toContain("My quokka badge fails.");
    expect(draft.body).toContain("Hold the quokka badge on the reader for two seconds.");
    expect(await searchSlugs("quokka", agent)).toEqual([]);

    await send("POST", `/api/v1/admin/kb/articles/${draft.id}/status`, agent, { status: "published" });
    expect(await searchSlugs("quokka", agent)).toEqual([draft.slug]);
    expect(await searchSlugs("quokka", customer)).toEqual([]);

    const flagged = await send("POST", `/api/v1/kb/articles/${draft.id}/outdated`, agent, {
      note: "Readers changed",
      ticketNumber: number,
    });
    expect(flagged.statusCode).toBe(204);
    const outdated = (await send("GET", "/api/v1/admin/kb/articles?outdated=true", editor)).json().articles;
    expect(outdated).toEqual([expect.objectContaining({ id: draft.id, outdated: true })]);
    expect(outdated[0].outdatedNote).toContain(`#${number}`);
  });

  it("moves and archives in bulk, and refuses a category that does not exist", async () => {
    const category = await send("POST", "/api/v1/admin/kb/categories", editor, { name: "Bulk", slug: "bulk" });
    expect(category.statusCode).toBe(201);
    const a = await write({ title: "Bulk one", slug: "bulk-one" });
    const b = await write({ title: "Bulk two", slug: "bulk-two" });
    const moved = await send("POST", "/api/v1/admin/kb/articles/bulk", editor, {
      action: "move",
      ids: [a, b],
      categoryId: category.json().id,
    });
    expect(moved.json()).toEqual({ changed: 2 });
    const page = (await send("GET", "/api/v1/kb/categories/bulk")).json();
    expect(page.articles.map((x: { slug: string }) => x.slug)).toEqual(["bulk-one", "bulk-two"]);
    const wrong = await send("POST", "/api/v1/admin/kb/articles/bulk", editor, {
      action: "move",
      ids: [a],
      categoryId: randomUUID(),
    });
    expect(wrong.statusCode).toBe(400);
    await send("POST", "/api/v1/admin/kb/articles/bulk", editor, { action: "archive", ids: [a, b] });
    expect((await send("GET", "/api/v1/kb/categories/bulk")).json().articles).toEqual([]);
    const taken = await send("POST", "/api/v1/admin/kb/articles", editor, { title: "Again", slug: "bulk-one" });
    expect(taken.statusCode).toBe(409);
  });
});

describeEachEngine("the demo Help Centre", ({ db, engine }) => {
  it("ships published articles about Switchboard, the agents' one internal, and is written only once", async () => {
    const app = await buildTestApp(db(), engine);
    const admin = await buildAdmin(db());
    expect(await seedDemoHelpCentre(db(), engine, admin.email)).toBeGreaterThan(5);
    expect(await seedDemoHelpCentre(db(), engine, admin.email)).toBe(0);
    const found = await app.inject({ method: "GET", url: "/api/v1/kb/search?q=status%20guest" });
    expect(found.json().articles[0].slug).toBe("check-request-status-without-an-account");
    const internal = await app.inject({ method: "GET", url: "/api/v1/kb/articles/writing-articles-from-tickets" });
    expect(internal.statusCode).toBe(404);
    const home = (await app.inject({ method: "GET", url: "/api/v1/kb/home" })).json();
    expect(home.categories.map((c: { name: string }) => c.name)).toEqual(["Your requests", "Your account"]);
  });
});
