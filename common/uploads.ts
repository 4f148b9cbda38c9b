import { z } from "zod";

/**
 * What one request may carry: the server refuses more (server/tickets/attachments/uploads.ts), and the web forms
 * check the same before sending, so nobody waits for ten megabytes to upload only to hear they were too many.
 */
export const attachmentLimits = { maxFiles: 10, maxFileBytes: 10 * 1024 * 1024 } as const;

/**
 * Tokens of standalone uploads (POST /api/v1/uploads) to attach to a new ticket or comment: each names one
 * file its uploader sent earlier, and is used up by the request that attaches it.
 */
export const uploadTokensSchema = z
  .array(z.string().min(1).max(100))
  .max(attachmentLimits.maxFiles, `Attach at most ${attachmentLimits.maxFiles} files.`)
  .describe(
    "Tokens from POST /api/v1/uploads: the files to attach (the caller's own uploads, unused, within the hour).",
  );

/** A standalone upload, waiting to be attached by the token. */
export const waitingUploadSchema = z.object({
  /** Name it in `attachments` of a new ticket or comment; it works once, for the uploader, until `expiresAt`. */
  token: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  expiresAt: z.iso.datetime(),
});
export type WaitingUpload = z.infer<typeof waitingUploadSchema>;
