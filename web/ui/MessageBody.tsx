import { Text, Typography } from "@mantine/core";

/**
 * A request's or comment's message. Plain text is escaped by React and keeps
 * its line breaks. HTML comes from the rich-text editor and was sanitised by
 * the server on the way in (server/tickets/rich-text.ts: only formatting,
 * lists, code, quotes, http/https/mailto links and images of the ticket's own
 * attachments, such as a mail's inline screenshot, survive), so it is shown as is.
 */
export function MessageBody({ message, format }: { message: string; format: "text" | "html" }) {
  if (format === "html") {
    return (
      <Typography className="message-body">
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised on the server with an allow-list */}
        <div dangerouslySetInnerHTML={{ __html: message }} />
      </Typography>
    );
  }
  return <Text style={{ whiteSpace: "pre-wrap" }}>{message}</Text>;
}
