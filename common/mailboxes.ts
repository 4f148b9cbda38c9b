import { z } from "zod";
import { isVisibleLine, nameHiddenCharacters } from "./text.ts";

export const oauthProviders = ["microsoft", "google", "oidc"] as const;
export type OAuthProviderName = (typeof oauthProviders)[number];

const optionalUrl = z
  .url({ error: "Enter a full URL, like https://login.example.com." })
  .max(500)
  .optional()
  .or(z.literal("").transform(() => undefined));

/**
 * Signing in to the mailbox with OAuth2 instead of a password. Microsoft 365 needs its tenant (the directory
 * id or domain; "organizations" for any work account), Google nothing more, a generic provider its issuer
 * (endpoints are discovered) or both endpoints.
 */
export const oauthInputSchema = z
  .strictObject({
    provider: z.enum(oauthProviders, { error: "Choose Microsoft 365, Google or another OAuth2 provider." }),
    tenant: z.string().trim().max(200).optional(),
    clientId: z.string().trim().min(1, "Enter the client (application) id.").max(500),
    /** Left out (or empty) when changing a mailbox: the stored secret stays. */
    clientSecret: z.string().max(2000).optional(),
    issuer: optionalUrl,
    authorizationUrl: optionalUrl,
    tokenUrl: optionalUrl,
    /** Space-separated; each provider has a default. */
    scopes: z.string().trim().max(1000).optional(),
    /** Send outgoing mail over SMTP as this account with the same token (XOAUTH2). */
    smtp: z.boolean().default(false),
  })
  .superRefine((o, ctx) => {
    if (o.provider === "microsoft" && !o.tenant)
      ctx.addIssue({ code: "custom", path: ["tenant"], message: "Enter the tenant (directory) id or domain." });
    if (o.provider === "oidc" && !o.issuer && !(o.authorizationUrl && o.tokenUrl))
      ctx.addIssue({
        code: "custom",
        path: ["issuer"],
        message: "Enter the issuer URL, or both the authorization and the token endpoint.",
      });
  });
export type OAuthInput = z.input<typeof oauthInputSchema>;

const imapInputSchema = z.strictObject({
  host: z.string().trim().min(1, "Enter the IMAP server's host name.").max(253),
  port: z.coerce
    .number({ error: "Enter a port number." })
    .int()
    .min(1, "Use a port between 1 and 65535.")
    .max(65535, "Use a port between 1 and 65535."),
  tls: z.boolean().default(true),
  user: z.string().trim().min(1, "Enter the IMAP user name.").max(254),
  /** Left out (or empty) when changing a mailbox: the stored password stays. */
  password: z.string().max(500).optional(),
  folder: z.string().trim().min(1).max(200).default("INBOX"),
  /** Null: sign in with the password. */
  oauth: oauthInputSchema.nullable().default(null),
});

export const mailboxInputSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Enter a name for the mailbox.")
    .max(120, "Keep the name under 120 characters.")
    .refine(isVisibleLine, nameHiddenCharacters),
  address: z
    .email({ error: "Enter the email address people write to, like help@example.com." })
    .max(254)
    .transform((a) => a.toLowerCase()),
  groupId: z.uuid({ error: "Choose a group from the list." }).nullable().default(null),
  categoryId: z.uuid({ error: "Choose a category from the list." }).nullable().default(null),
  active: z.boolean().default(true),
  /**
   * Senders whose automatic mail (`Auto-Submitted: auto-generated`, `Precedence: bulk`: a monitoring or
   * ITSM system) opens requests here instead of being ignored: addresses, or whole domains as `@example.com`.
   */
  acceptAutoFrom: z
    .array(
      z
        .string()
        .trim()
        .toLowerCase()
        .regex(
          /^([^\s@]+@[^\s@]+\.[^\s@]+|@[^\s@]+\.[^\s@]+)$/,
          "Enter one address (alerts@example.com) or domain (@example.com) per line.",
        ),
    )
    .max(50, "Name at most 50 senders.")
    .default([]),
  /** Null: mail for this address arrives through the built-in SMTP receiver only. */
  imap: imapInputSchema.nullable().default(null),
});
export type MailboxInput = z.input<typeof mailboxInputSchema>;

export const mailboxSchema = z.object({
  id: z.string(),
  name: z.string(),
  address: z.string(),
  groupId: z.string().nullable(),
  categoryId: z.string().nullable(),
  active: z.boolean(),
  acceptAutoFrom: z.array(z.string()),
  imap: z
    .object({
      host: z.string(),
      port: z.number(),
      tls: z.boolean(),
      user: z.string(),
      folder: z.string(),
      /** The password itself never leaves the server. */
      passwordSet: z.boolean(),
      /** Secrets and tokens never leave the server either. */
      oauth: z
        .object({
          provider: z.enum(oauthProviders),
          tenant: z.string().nullable(),
          clientId: z.string(),
          clientSecretSet: z.boolean(),
          issuer: z.string().nullable(),
          authorizationUrl: z.string().nullable(),
          tokenUrl: z.string().nullable(),
          scopes: z.string().nullable(),
          smtp: z.boolean(),
          /** When the admin last connected the account; null until then (or after the token was refused). */
          connectedAt: z.string().nullable(),
        })
        .nullable(),
    })
    .nullable(),
  lastPolledAt: z.string().nullable(),
  /** The last poll that fetched without an error. */
  lastFetchedAt: z.string().nullable(),
  lastError: z.string().nullable(),
  /** Fetching has failed since then; admins were told. */
  failingSince: z.string().nullable(),
});
export type Mailbox = z.infer<typeof mailboxSchema>;
export const mailboxListSchema = z.object({ mailboxes: z.array(mailboxSchema) });

export const inboundStatuses = ["received", "processed", "ignored", "review", "quarantined"] as const;
export type InboundStatus = (typeof inboundStatuses)[number];

export const inboundMessageSchema = z.object({
  id: z.string(),
  mailbox: z.string(),
  status: z.enum(inboundStatuses),
  reason: z.string().nullable(),
  detail: z.string().nullable(),
  from: z.string().nullable(),
  subject: z.string().nullable(),
  messageId: z.string(),
  ticketNumber: z.number().nullable(),
  size: z.number(),
  receivedAt: z.string(),
  /** A true duplicate (same Message-ID and content) names the message it repeats; it is kept, never filed. */
  duplicateOf: z.string().nullable(),
});
export type InboundMessage = z.infer<typeof inboundMessageSchema>;
export const inboundMessageListSchema = z.object({ messages: z.array(inboundMessageSchema) });
export const inboundMessageQuerySchema = z.object({
  status: z.enum(inboundStatuses).default("review"),
});
export const inboundRetrySchema = z.object({
  /** route: run it through the router again; new_ticket: an admin decided it is a new request. */
  mode: z.enum(["route", "new_ticket"]).default("route"),
});

export const oauthConnectSchema = z.object({ url: z.string() });

/**
 * Why connecting a mailbox with OAuth2 came to nothing, as the callback tells the mailboxes page: one of these
 * codes, which the page words itself, never a sentence from the address, so a link cannot put words of its own
 * on an admin's page.
 */
export const oauthFailures = [
  "not_started",
  "refused",
  "expired",
  "not_oauth",
  "no_refresh_token",
  "token_failed",
] as const;
export type OAuthFailure = (typeof oauthFailures)[number];
export const isOAuthFailure = (value: string): value is OAuthFailure =>
  (oauthFailures as readonly string[]).includes(value);

/** A mailbox whose fetching fails, for the banner admins see in the workspace. */
export const mailboxAlertSchema = z.object({
  mailboxId: z.string(),
  address: z.string(),
  error: z.string(),
  since: z.string(),
});
export type MailboxAlert = z.infer<typeof mailboxAlertSchema>;
export const mailboxAlertListSchema = z.object({ alerts: z.array(mailboxAlertSchema) });

/** Loose: providers add parameters of their own to the redirect (`scope`, `session_state`, `iss`…). */
export const oauthCallbackQuerySchema = z.looseObject({
  state: z.string().max(200).optional(),
  code: z.string().max(4000).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(1000).optional(),
});

/**
 * Names of products and protocols, written the same in every language (they are names, not words): shown as they
 * are in every locale, and the pseudo-locale run takes them as such.
 */
export const productNames = { microsoft: "Microsoft 365", google: "Google", oauth2: "OAuth2" } as const;
