import { Alert, Anchor, Button, CloseButton, Group, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { useState } from "react";
import { Link } from "react-router";
import type { LinkedTicket } from "../../common/links.ts";
import type { TicketDetail } from "../../common/tickets.ts";
import { ApiError } from "../api/client.ts";
import { useLinkTicket, useRelations, useUnlinkTicket } from "../api/links.ts";
import { QueryView } from "../ui/QueryView.tsx";
import { MergeDialog } from "./MergeDialog.tsx";

const finished = ["closed", "cancelled"];

function TicketLink({ ticket }: { ticket: LinkedTicket }) {
  return (
    <Anchor component={Link} to={`/agent/tickets/${ticket.number}`} size="sm">
      #{ticket.number} {ticket.subject}
    </Anchor>
  );
}

/** Related tickets (both ways), where this one was merged, and the Merge action. Agents only. */
export function LinkedTickets({ ticket }: { ticket: TicketDetail }) {
  const relations = useRelations(ticket.number);
  const unlink = useUnlinkTicket(ticket.number);
  const [merging, setMerging] = useState(false);
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="linked-heading">
      <Title order={2} size="h4" id="linked-heading" mb="sm">
        Linked tickets
      </Title>
      <QueryView query={relations} loading="Loading linked tickets">
        {(data) => (
          <Stack gap="sm">
            {data.mergedInto && (
              <Alert color="gray" p="xs">
                <Text size="sm">
                  Merged into <TicketLink ticket={data.mergedInto} />
                </Text>
              </Alert>
            )}
            {data.mergedFrom.length > 0 && (
              <Stack gap={2}>
                <Text size="sm" fw={500}>
                  Merged into this ticket
                </Text>
                {data.mergedFrom.map((t) => (
                  <TicketLink key={t.number} ticket={t} />
                ))}
              </Stack>
            )}
            {data.links.length === 0 ? (
              <Text size="sm">No linked tickets.</Text>
            ) : (
              <Stack gap={4} component="ul" aria-label="Linked" style={{ listStyle: "none", padding: 0, margin: 0 }}>
                {data.links.map((t) => (
                  <Group key={t.number} component="li" justify="space-between" wrap="nowrap" gap="xs">
                    <Text size="sm" style={{ overflowWrap: "anywhere" }}>
                      <TicketLink ticket={t} />{" "}
                      <Text span size="xs" c="dimmed">
                        {t.status}
                      </Text>
                    </Text>
                    <CloseButton aria-label={`Unlink #${t.number}`} onClick={() => unlink.mutate(t.number)} />
                  </Group>
                ))}
              </Stack>
            )}
            <LinkForm number={ticket.number} />
            {!data.mergedInto && !finished.includes(ticket.status.category) && (
              <Group>
                <Button variant="default" color="red" size="xs" onClick={() => setMerging(true)}>
                  Merge into another ticket…
                </Button>
              </Group>
            )}
          </Stack>
        )}
      </QueryView>
      <MergeDialog number={ticket.number} opened={merging} onClose={() => setMerging(false)} />
    </Paper>
  );
}

function LinkForm({ number }: { number: number }) {
  const link = useLinkTicket(number);
  const [other, setOther] = useState("");
  const [fieldError, setFieldError] = useState<string | null>(null);
  const error = link.error instanceof ApiError ? (link.error.fields.number ?? link.error.message) : null;
  return (
    <form
      aria-label="Link a ticket"
      onSubmit={(e) => {
        e.preventDefault();
        const target = Number(other.replace(/^#/, ""));
        if (!Number.isInteger(target) || target < 1) {
          setFieldError("Enter a ticket number.");
          return;
        }
        setFieldError(null);
        link.mutate(target, { onSuccess: () => setOther("") });
      }}
    >
      <Group align="flex-end" gap="xs" wrap="nowrap">
        <TextInput
          label="Link ticket number"
          inputMode="numeric"
          value={other}
          onChange={(e) => setOther(e.currentTarget.value)}
          error={fieldError ?? error}
          style={{ flex: 1 }}
        />
        <Button type="submit" variant="default" loading={link.isPending}>
          Link
        </Button>
      </Group>
    </form>
  );
}
