import { Text, Typography } from "@mantine/core";

/**
 * A request's or comment's message. Plain text is escaped by React and keeps
 * its line breaks. HTML comes from the rich-text editor and was sanitised by
 * the server on the way in (server/tickets/rich-text.ts: only formatting,
 * lists, code, quotes, http/https/mailto links and images of the ticket's own
 * attachments, such as a mail's inline screenshot, survive), so it is shown as is.
 *
 * Its direction is its own (`dir="auto"`, from its first letters), not the page's: an English reply read in the
 * Arabic workspace runs left to right with its full stop at the end, and an Arabic one in an English page the
 * other way.
 */
export function MessageBody({ message, format }: { message: string; format: "text" | "html" }) {
  if (format === "html") {
    return (
      <Typography className="message-body" dir="auto">
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised on the server with an allow-list */}
        <div dangerouslySetInnerHTML={{ __html: message }} />
      </Typography>
    );
  }
  return (
    <Text style={{ whiteSpace: "pre-wrap" }} dir="auto">
      {message}
    </Text>
  );
}
