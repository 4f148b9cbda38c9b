import { Anchor, DataList, List, Paper, Text, Title } from "@mantine/core";
import type { z } from "zod";
import { type Attachment, attachmentUrl, type ticketFieldValueSchema } from "../../common/tickets.ts";
import { type Translate, useT } from "../i18n/use-t.ts";
import { formatFileSize } from "./format.ts";

type FieldValue = z.infer<typeof ticketFieldValueSchema>;

function show(field: FieldValue, t: Translate): string {
  if (field.value === null) return t("requests.fields.notSet");
  // A chosen option reads as its label in the reader's language where the answer gives one.
  const named = (option: string) => field.optionLabels?.[option] ?? option;
  if (Array.isArray(field.value)) return field.value.map(named).join(", ") || t("requests.fields.notSet");
  if (typeof field.value === "boolean") return field.value ? t("requests.fields.yes") : t("requests.fields.no");
  return typeof field.value === "string" ? named(field.value) : String(field.value);
}

/** A choice's stored options, where they read otherwise in the reader's language (what rules and macros match). */
function storedOptions(field: FieldValue): string | undefined {
  const chosen = typeof field.value === "string" ? [field.value] : Array.isArray(field.value) ? field.value : [];
  if (!field.optionLabels || chosen.every((option) => field.optionLabels?.[option] === option)) return undefined;
  return chosen.join(", ");
}

/**
 * The ticket type's custom fields the viewer may see, in their language. `showStored`: agents also get a
 * translated choice's stored options as its title.
 */
export function TicketFields({ fields, showStored = false }: { fields: FieldValue[]; showStored?: boolean }) {
  const t = useT();
  if (!fields.length) return null;
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="ticket-fields">
      <Title order={2} size="h4" id="ticket-fields" mb="sm">
        {t("requests.fields.title")}
      </Title>
      <DataList>
        {fields.map((field) => (
          <DataList.Item key={field.key}>
            <DataList.ItemLabel>{field.label}</DataList.ItemLabel>
            <DataList.ItemValue title={showStored ? storedOptions(field) : undefined}>
              {show(field, t)}
            </DataList.ItemValue>
          </DataList.Item>
        ))}
      </DataList>
    </Paper>
  );
}

export function TicketAttachments({ attachments }: { attachments: Attachment[] }) {
  const t = useT();
  if (!attachments.length) return null;
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="ticket-attachments">
      <Title order={2} size="h4" id="ticket-attachments" mb="sm">
        {t("requests.attachments.title")}
      </Title>
      <FileLinks files={attachments} />
    </Paper>
  );
}

/** Download links for files, each with its size. The server always sends them as downloads. */
export function FileLinks({
  files,
  label,
}: {
  files: { id: string; fileName: string; size: number }[];
  label?: string;
}) {
  return (
    <List spacing="xs" listStyleType="none" p={0} aria-label={label}>
      {files.map((a) => (
        <List.Item key={a.id}>
          <Anchor href={attachmentUrl(a.id)} download={a.fileName}>
            {a.fileName}
          </Anchor>{" "}
          <Text span size="sm" c="dimmed">
            ({formatFileSize(a.size)})
          </Text>
        </List.Item>
      ))}
    </List>
  );
}

/** Raster images a browser shows safely in an img element (never SVG); by file name, as the Feed knows no more. */
const pictureName = /\.(png|jpe?g|gif|webp|bmp)$/i;

/**
 * The pictures among a comment's files, shown where the comment is: a
 * screenshot pasted into a mail reply is read in the conversation, not only
 * downloaded. They load from our own attachment URL, which checks access.
 */
export function FilePictures({ files }: { files: { id: string; fileName: string }[] }) {
  const pictures = files.filter((f) => pictureName.test(f.fileName));
  if (!pictures.length) return null;
  return (
    <div className="message-body">
      {pictures.map((p) => (
        <img
          key={p.id}
          src={attachmentUrl(p.id)}
          alt={p.fileName}
          loading="lazy"
          style={{ display: "block", maxHeight: "24rem", marginTop: "0.5rem" }}
        />
      ))}
    </div>
  );
}
