/**
 * Tags on tickets (issue 17): short labels agents put on tickets to find them again (`tag=` in queues,
 * `tag:` in search). One spelling per tag: trimmed and lowercased, so "VPN" and "vpn " are the same tag.
 */
import { z } from "zod";

export const tagMaxLength = 40;
export const tagsPerTicket = 20;

/** Letters, digits and a few joiners, no spaces: a tag reads as one word in a URL and in search (`tag:vpn`). */
const tagPattern = /^[\p{L}\p{N}][\p{L}\p{N}_.-]*$/u;

export const tagSchema = z
  .string({ error: "Enter a tag." })
  .trim()
  .toLowerCase()
  .min(1, "Enter a tag.")
  .max(tagMaxLength, `Keep the tag under ${tagMaxLength} characters.`)
  .regex(tagPattern, "Use letters, digits, '-', '_' or '.', without spaces.");

/** The normalised tag, or null when the text is not one. */
export function normaliseTag(raw: string): string | null {
  const parsed = tagSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

export const tagListSchema = z.object({ tags: z.array(z.string()) });
export type TagList = z.infer<typeof tagListSchema>;
