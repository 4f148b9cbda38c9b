import { z } from "zod";

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
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

/** What the web app learns about who is signed in; `csrfToken` goes back in the `x-csrf-token` header on writes. */
export const sessionSchema = z.object({
  user: sessionUserSchema.nullable(),
  csrfToken: z.string().nullable(),
});
export type Session = z.infer<typeof sessionSchema>;
