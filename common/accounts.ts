import { z } from "zod";
import { isVisibleLine, nameHiddenCharacters } from "./text.ts";

export const licences = ["customer", "agent", "admin"] as const;
export type Licence = (typeof licences)[number];

export const signInSchema = z.object({
  email: z.string({ error: "Enter your email address." }).trim().min(1, "Enter your email address.").max(254),
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(1024),
});
export type SignIn = z.infer<typeof signInSchema>;

export const sessionUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  licence: z.enum(licences),
  /** Effective permissions (roles limited by licence), so the web app can hide what the server would refuse. */
  permissions: z.array(z.string()),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

/** A guest who followed an emailed access link: they may see and answer exactly one ticket. */
export const sessionGuestSchema = z.object({ email: z.string(), ticketNumber: z.number().int() });

/** What the web app learns about who is signed in; `csrfToken` goes back in the `x-csrf-token` header on writes. */
export const sessionSchema = z.object({
  user: sessionUserSchema.nullable(),
  guest: sessionGuestSchema.nullable().default(null),
  csrfToken: z.string().nullable(),
});
export type Session = z.infer<typeof sessionSchema>;

export const passwordSchema = z
  .string({ error: "Choose a password." })
  .min(10, "Use at least 10 characters for your password.")
  .max(1024, "That password is too long.");

const emailField = z
  .string({ error: "Enter your email address." })
  .trim()
  .max(254, "That email address is too long.")
  .pipe(z.email({ error: "Enter a valid email address, like name@example.com." }));

export const registrationSchema = z.object({
  name: z
    .string({ error: "Enter your name." })
    .trim()
    .min(1, "Enter your name.")
    .max(120, "Keep your name under 120 characters.")
    .refine(isVisibleLine, nameHiddenCharacters),
  email: emailField,
  password: passwordSchema,
});
export type Registration = z.infer<typeof registrationSchema>;

/** Links in mails carry a token; anything that is not a plausible token is refused before it reaches the database. */
export const tokenSchema = z
  .string({ error: "This link is not valid." })
  .min(20, "This link is not valid.")
  .max(200, "This link is not valid.")
  .regex(/^[A-Za-z0-9_-]+$/, "This link is not valid.");

export const tokenBodySchema = z.object({ token: tokenSchema });
export const emailBodySchema = z.object({ email: emailField });

export const passwordResetSchema = z.object({ token: tokenSchema, password: passwordSchema });
export const passwordChangeSchema = z.object({
  currentPassword: z.string({ error: "Enter your current password." }).min(1, "Enter your current password.").max(1024),
  newPassword: passwordSchema,
});

export const statusCheckSchema = z.object({
  email: emailField,
  number: z.coerce
    .number({ error: "Enter the ticket number from your confirmation, like 1001." })
    .int("Enter the ticket number from your confirmation, like 1001.")
    .positive("Enter the ticket number from your confirmation, like 1001.")
    .max(2 ** 31 - 1, "Enter the ticket number from your confirmation, like 1001."),
});
export type StatusCheck = z.infer<typeof statusCheckSchema>;

/** The same answer whatever happened, so nobody learns which addresses have accounts or tickets. */
export const acceptedSchema = z.object({ message: z.string() });

/**
 * An erased person (GDPR) keeps their row, so their tickets keep a requester, under a placeholder name and an
 * address in the reserved `.invalid` domain (RFC 2606): nothing is ever delivered to it, and the outbox drops
 * mail to it before it is written.
 */
export const erasedAddressDomain = "anonymised.invalid";
export const erasedName = (userId: string): string => `Deleted user ${userId.slice(-6)}`;
export const erasedAddress = (userId: string): string => `deleted-user-${userId}@${erasedAddressDomain}`;
export const isErasedAddress = (email: string): boolean => email.toLowerCase().endsWith(`@${erasedAddressDomain}`);
