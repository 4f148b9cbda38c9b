/**
 * The demo Help Centre: a few categories and articles about using Switchboard itself, written for this
 * product. Added only to a help desk without articles, so it never mixes with an editor's own work.
 */
import type { Kysely } from "kysely";
import { type KbVisibility, kbArticleInputSchema, kbCategoryInputSchema } from "../../common/kb.ts";
import type { ServiceIconName } from "../../common/service-icons.ts";
import { findUserByEmail } from "../accounts/queries.ts";
import type { UserActor } from "../core/actor.ts";
import type { Engine } from "../db/engine.ts";
import type { Database } from "../db/schema.ts";
import { createKbCategory } from "./commands/manage-categories.ts";
import { createArticle, setArticleStatus } from "./commands/save-article.ts";

type DemoCategory = { slug: string; name: string; description: string; icon: ServiceIconName; parent?: string };

const categories: DemoCategory[] = [
  {
    slug: "your-requests",
    name: "Your requests",
    description: "Asking for help, and what happens after you do.",
    icon: "message",
  },
  {
    slug: "submitting",
    name: "Submitting a request",
    description: "Where to start and what to include.",
    icon: "file-text",
    parent: "your-requests",
  },
  {
    slug: "after-you-submit",
    name: "After you submit",
    description: "Status, replies, follow-ups and withdrawing.",
    icon: "clock",
    parent: "your-requests",
  },
  {
    slug: "your-account",
    name: "Your account",
    description: "Signing in, registering and your password.",
    icon: "key",
  },
  {
    slug: "for-agents",
    name: "For the support team",
    description: "Notes for agents on working the help desk.",
    icon: "headset",
  },
];

type DemoArticle = {
  slug: string;
  title: string;
  summary: string;
  category: string;
  tags: string[];
  visibility?: KbVisibility;
  body: string;
};

const articles: DemoArticle[] = [
  {
    slug: "check-request-status-without-an-account",
    title: "Check the status of a request without an account",
    summary: "All you need is the email address you used and the ticket number from your confirmation.",
    category: "after-you-submit",
    tags: ["status", "guest", "ticket number"],
    body: `<p>You do not need an account to see where your request stands. Every request gets a ticket number, and the confirmation we send you by email carries it in the subject, like <code>#1042</code>.</p>
<h2>Ask for an access link</h2>
<ol><li>Choose <strong>Check ticket status</strong> at the top of any page.</li><li>Enter the email address you sent the request from and the ticket number.</li><li>Open the email we send you and follow its link.</li></ol>
<p>The link opens that one request: its status, our replies, and a box to answer us. It works for a limited time, and only once to sign you in, so ask for a new one whenever you need it.</p>
<div data-callout="tip"><p>The confirmation email already contains a link to your request. If you still have it, that is the quickest way back.</p></div>
<h2>What the statuses mean</h2>
<ul><li><strong>New</strong> and <strong>Open</strong>: we have your request and are working on it.</li><li><strong>Awaiting your reply</strong>: we asked you something; answering moves it back to us.</li><li><strong>Resolved</strong>: we think it is done. Reply within a few days if it is not, and it opens again.</li><li><strong>Closed</strong>: finished for good. See <a href="/help/articles/follow-up-on-a-closed-request">Follow up on a closed request</a>.</li></ul>
<h2>Seeing all your requests at once</h2>
<p>With an account, <strong>My requests</strong> lists everything you have sent from the same address. See <a href="/help/articles/create-an-account">Create an account</a>.</p>`,
  },
  {
    slug: "submit-a-request-from-the-catalog",
    title: "Submit a request from the service catalog",
    summary:
      "Pick the service that matches what you need, so your request reaches the right team with the right details.",
    category: "submitting",
    tags: ["catalog", "services", "new request"],
    body: `<p>The service catalog lists what the support team can do for you: ordering equipment, access to a system, reporting a fault, and more. Each service has its own short form, so the team gets what it needs the first time.</p>
<h2>Find the service</h2>
<ol><li>Choose <strong>Services</strong> at the top of the page.</li><li>Browse by category, or type a few words into the search box.</li><li>Open the service to read what it covers, then choose its request button.</li></ol>
<h2>Fill in the form</h2>
<p>Give the request a subject that says what you need in a few words: it is what you and the team will see in lists and emails. The message is the place for details — what you tried, error messages, when it started.</p>
<p>While you type the subject, articles from this Help Centre that may answer your question appear beside the form. If one solves it, you are done without waiting for us.</p>
<div data-callout="info"><p>You can attach screenshots and documents: up to 10 files, 10 MB each.</p></div>
<h2>Nothing fits?</h2>
<p>Use the general form under <strong>Submit a request</strong> and choose the closest category. The team will route it.</p>`,
  },
  {
    slug: "follow-up-on-a-closed-request",
    title: "Follow up on a closed request",
    summary: "A closed request cannot be reopened, but answering it starts a new one linked to the old.",
    category: "after-you-submit",
    tags: ["closed", "follow-up", "reopen"],
    body: `<p>When we resolve a request, you have a few working days to tell us it is not fixed after all: reply and it opens again. After that it is <strong>closed</strong> and takes no more comments.</p>
<h2>When the problem comes back</h2>
<p>Reply to any email about the closed request, or open it from <strong>My requests</strong> and use <strong>Follow up</strong>. Switchboard opens a new request, links it to the old one, and the team sees the whole history.</p>
<div data-callout="warning"><p>Please do not copy the old ticket number into a brand-new request: following up keeps the link, so nobody has to ask you to explain again.</p></div>
<h2>Something new?</h2>
<p>If it is a different problem, submit a new request instead. Short, separate requests are solved faster than one long one.</p>`,
  },
  {
    slug: "reply-to-a-request-by-email",
    title: "Reply to a request by email",
    summary: "Answer our emails as you would any other: your reply lands on the right request.",
    category: "after-you-submit",
    tags: ["email", "reply"],
    body: `<p>Every email we send about a request has a reply address that belongs to that request. Just reply; there is no need to keep the subject line or the ticket number.</p>
<h2>Attachments and screenshots</h2>
<p>Files attached to your reply are added to the request. Screenshots pasted into the message are kept too.</p>
<h2>If your reply did not arrive</h2>
<ul><li>Replies from a different address than the one on the request may wait for a person to check them.</li><li>Automatic replies (out of office) are recognised and not added.</li></ul>`,
  },
  {
    slug: "withdraw-a-request",
    title: "Withdraw a request you no longer need",
    summary: "Solved it yourself, or sent it twice? Withdraw it so nobody works on it.",
    category: "after-you-submit",
    tags: ["withdraw", "cancel"],
    body: `<p>Open the request and choose <strong>Withdraw</strong>. Pick the reason that fits — solved it myself, sent by mistake, no longer needed — and confirm.</p>
<p>The request moves to <strong>Withdrawn</strong> and the team stops working on it. It stays in your list so you can read it later.</p>`,
  },
  {
    slug: "what-to-include-in-a-request",
    title: "What to include in a request",
    summary: "Five details that save a round of questions.",
    category: "submitting",
    tags: ["tips", "new request"],
    body: `<p>The fastest requests to solve are the ones that need no follow-up questions.</p>
<h2>Checklist</h2>
<ol><li>What you were trying to do.</li><li>What happened instead, with the exact error message.</li><li>When it started, and whether it happens every time.</li><li>The device or system, for example <code>laptop, Windows 11</code>.</li><li>A screenshot, if the problem is on screen.</li></ol>
<h2>Priority</h2>
<p>Choose <strong>Urgent</strong> only when work has stopped for you or others. The team sees every request; priority decides the order.</p>`,
  },
  {
    slug: "create-an-account",
    title: "Create an account",
    summary: "Register with your work email to see all your requests in one place.",
    category: "your-account",
    tags: ["account", "register", "sign in"],
    body: `<p>You can submit requests without an account. With one, you also get <strong>My requests</strong>: everything you have sent, with its status.</p>
<ol><li>Choose <strong>Sign in</strong>, then <strong>Register</strong>.</li><li>Enter your name, the email address you use for requests, and a password.</li><li>Confirm your address with the link we email you.</li></ol>
<p>Requests you sent earlier from the same address show up in your list.</p>`,
  },
  {
    slug: "reset-a-forgotten-password",
    title: "Reset a forgotten password",
    summary: "Ask for a reset link on the sign-in page; it works once and for a short time.",
    category: "your-account",
    tags: ["password", "sign in"],
    body: `<ol><li>On the sign-in page, choose <strong>Forgot your password?</strong></li><li>Enter your email address.</li><li>Follow the link in the email and choose a new password.</li></ol>
<p>For your safety, we say the same thing whether or not the address has an account, and the link stops working after one use.</p>`,
  },
  {
    slug: "writing-articles-from-tickets",
    title: "Writing Help Centre articles from tickets",
    summary: "Turn a good answer into an article so the next person finds it before asking.",
    category: "for-agents",
    tags: ["agents", "knowledge base"],
    visibility: "internal",
    body: `<p>When you answer a question that others will ask too, open the ticket and choose <strong>Write article from this ticket</strong>. You get a draft with the question and your public answer, visible to agents only.</p>
<h2>Before publishing</h2>
<ul><li>Remove names, addresses and anything else personal.</li><li>Rewrite the title as the question a customer would type.</li><li>Choose who may read it, and a category.</li></ul>
<p>If an article you send is out of date, use <strong>Flag outdated</strong> in the article search on the ticket page; its editors see the flag in the article list.</p>`,
  },
];

/** Adds the demo categories and articles to a help desk that has no articles yet; returns how many it wrote. */
export async function seedDemoHelpCentre(db: Kysely<Database>, engine: Engine, authorEmail: string): Promise<number> {
  if (await db.selectFrom("kb_articles").select("id").executeTakeFirst()) return 0;
  const author = await findUserByEmail(db, authorEmail);
  if (!author) return 0;
  // The administrator who owns the new help desk is recorded as the demo articles' author.
  const editor: UserActor = {
    kind: "user",
    user: { id: author.id, email: author.email, name: author.name, licence: author.licence, permissions: ["kb.edit"] },
    sessionId: null,
    csrfToken: null,
  };
  const ids = new Map<string, string>();
  for (const [position, category] of categories.entries()) {
    const existing = await db
      .selectFrom("kb_categories")
      .select("id")
      .where("slug", "=", category.slug)
      .executeTakeFirst();
    ids.set(
      category.slug,
      existing?.id ??
        (await createKbCategory(
          db,
          kbCategoryInputSchema.parse({
            name: category.name,
            slug: category.slug,
            description: category.description,
            icon: category.icon,
            parentId: category.parent ? (ids.get(category.parent) ?? null) : null,
            position,
          }),
        )),
    );
  }
  for (const article of articles) {
    const id = await createArticle(
      { db, engine },
      editor,
      kbArticleInputSchema.parse({
        title: article.title,
        slug: article.slug,
        summary: article.summary,
        body: article.body,
        tags: article.tags,
        categoryId: ids.get(article.category) ?? null,
        ownerId: author.id,
        visibility: article.visibility ?? "public",
      }),
    );
    await setArticleStatus(db, id, "published");
  }
  return articles.length;
}
