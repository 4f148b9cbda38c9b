import { Alert, Anchor, Button, CloseButton, Group, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { useState } from "react";
import { Link } from "react-router";
import type { LinkedTicket } from "../../common/links.ts";
import type { TicketDetail } from "../../common/tickets.ts";
import { ApiError } from "../api/client.ts";
import { useLinkTicket, useRelations, useUnlinkTicket } from "../api/links.ts";
import { useT } from "../i18n/use-t.ts";
import { Form } from "../ui/Form.tsx";
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
  const t = useT();
  const relations = useRelations(ticket.number);
  const unlink = useUnlinkTicket(ticket.number);
  const [merging, setMerging] = useState(false);
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="linked-heading">
      <Title order={2} size="h4" id="linked-heading" mb="sm">
        {t("agent.links.title")}
      </Title>
      <QueryView query={relations} loading={t("agent.links.loading")}>
        {(data) => (
          <Stack gap="sm">
            {data.mergedInto && (
              <Alert color="gray" p="xs">
                <Text size="sm">
                  {t.rich("agent.links.mergedInto", { ticket: <TicketLink ticket={data.mergedInto} /> })}
                </Text>
              </Alert>
            )}
            {data.mergedFrom.length > 0 && (
              <Stack gap={2}>
                <Text size="sm" fw={500}>
                  {t("agent.links.mergedFrom")}
                </Text>
                {data.mergedFrom.map((from) => (
                  <TicketLink key={from.number} ticket={from} />
                ))}
              </Stack>
            )}
            {data.links.length === 0 ? (
              <Text size="sm">{t("agent.links.none")}</Text>
            ) : (
              <Stack
                gap={4}
                component="ul"
                aria-label={t("agent.links.list")}
                style={{ listStyle: "none", padding: 0, margin: 0 }}
              >
                {data.links.map((linked) => (
                  <Group key={linked.number} component="li" justify="space-between" wrap="nowrap" gap="xs">
                    <Text size="sm">
                      <TicketLink ticket={linked} />{" "}
                      <Text span size="xs" c="dimmed">
                        {linked.status}
                      </Text>
                    </Text>
                    <CloseButton
                      aria-label={t("agent.links.unlink", { number: String(linked.number) })}
                      onClick={() => unlink.mutate(linked.number)}
                    />
                  </Group>
                ))}
              </Stack>
            )}
            <LinkForm number={ticket.number} />
            {!data.mergedInto && !finished.includes(ticket.status.category) && (
              <Group>
                <Button variant="default" color="red" size="xs" onClick={() => setMerging(true)}>
                  {t("agent.links.merge")}
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
  const t = useT();
  const link = useLinkTicket(number);
  const [other, setOther] = useState("");
  const [fieldError, setFieldError] = useState<string | null>(null);
  const error = link.error instanceof ApiError ? (link.error.fields.number ?? link.error.message) : null;
  return (
    <Form
      aria-label={t("agent.links.formLabel")}
      onSubmit={(e) => {
        e.preventDefault();
        const target = Number(other.replace(/^#/, ""));
        if (!Number.isInteger(target) || target < 1) {
          setFieldError(t("agent.common.enterTicketNumber"));
          return;
        }
        setFieldError(null);
        link.mutate(target, { onSuccess: () => setOther("") });
      }}
    >
      <Group align="flex-end" gap="xs" wrap="nowrap">
        <TextInput
          label={t("agent.links.number")}
          inputMode="numeric"
          value={other}
          onChange={(e) => setOther(e.currentTarget.value)}
          error={fieldError ?? error}
          style={{ flex: 1 }}
        />
        <Button type="submit" variant="default" loading={link.isPending}>
          {t("agent.links.link")}
        </Button>
      </Group>
    </Form>
  );
}
