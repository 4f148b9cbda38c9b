import { z } from "zod";
import { isVisibleLine, nameHiddenCharacters } from "./text.ts";
import { messageMaxLength, priorities } from "./tickets.ts";

/** What a macro's text may say that is filled in from the ticket when it is applied. */
export const macroPlaceholders = {
  "requester.name": "The requester's name",
  "requester.email": "The requester's email address",
  "ticket.number": "The ticket's number",
  "ticket.subject": "The ticket's subject",
  "agent.name": "Your name",
} as const;
export type MacroPlaceholder = keyof typeof macroPlaceholders;

export const macroInputSchema = z
  .object({
    name: z
      .string({ error: "Enter a name." })
      .trim()
      .min(1, "Enter a name.")
      .max(120, "Keep the name under 120 characters.")
      .refine(isVisibleLine, nameHiddenCharacters),
    /** Rich-text HTML, sanitised on the server like a comment; may hold placeholders such as {{ticket.number}}. */
    body: z
      .string()
      .trim()
      .max(messageMaxLength, `Keep the text under ${messageMaxLength.toLocaleString("en")} characters.`)
      .default(""),
    /** Shared macros are for every agent and only administrators change them; others belong to their author. */
    shared: z.boolean().default(false),
    statusId: z.uuid({ error: "Choose a status from the list." }).nullable().default(null),
    priority: z.enum(priorities, { error: "Choose a priority from the list." }).nullable().default(null),
    assigneeId: z.uuid({ error: "Choose an agent from the list." }).nullable().default(null),
    groupId: z.uuid({ error: "Choose a group from the list." }).nullable().default(null),
  })
  .refine(
    (m) =>
      m.body.length > 0 || m.statusId !== null || m.priority !== null || m.assigneeId !== null || m.groupId !== null,
    {
      path: ["body"],
      error: "Write the text to insert, or choose a field to set.",
    },
  );
export type MacroInput = z.infer<typeof macroInputSchema>;

export const macroSchema = z.object({
  id: z.string(),
  name: z.string(),
  body: z.string(),
  shared: z.boolean(),
  statusId: z.string().nullable(),
  priority: z.enum(priorities).nullable(),
  assigneeId: z.string().nullable(),
  groupId: z.string().nullable(),
  /** Whether the caller may change or delete it: their own, or a shared one for administrators. */
  editable: z.boolean(),
});
export type Macro = z.infer<typeof macroSchema>;
export const macroListSchema = z.object({ macros: z.array(macroSchema) });

/** Applying a macro sets its fields on the ticket and hands back its text, placeholders filled, for the editor. */
export const macroAppliedSchema = z.object({ body: z.string() });
export const macroApplyParamsSchema = z.object({ number: z.string().max(20), id: z.uuid() });
