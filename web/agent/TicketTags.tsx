import { Alert, Badge, Button, CloseButton, Group, Stack, Text, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { normaliseTag, tagsPerTicket } from "../../common/tags.ts";
import { useChangeTag, useTicketTags } from "../api/ticket-housekeeping.ts";
import { useT } from "../i18n/use-t.ts";
import { Form } from "../ui/Form.tsx";

/** The ticket's tags as chips, removable, with a field to add one (agents who may change the ticket). */
export function TicketTags({ number, canEdit }: { number: number; canEdit: boolean }) {
  const t = useT();
  const tags = useTicketTags(number);
  const change = useChangeTag(number);
  const [draft, setDraft] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const list = tags.data?.tags ?? [];
  const add = (event: FormEvent) => {
    event.preventDefault();
    const tag = normaliseTag(draft);
    if (!tag) {
      setProblem(t("agent.tags.invalid"));
      return;
    }
    setProblem(null);
    change.mutate({ tag, add: true }, { onSuccess: () => setDraft("") });
  };
  return (
    <Stack gap={6} component="section" aria-label={t("agent.tags.title")}>
      <Text size="sm" fw={600}>
        {t("agent.tags.title")}
      </Text>
      {list.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("agent.tags.empty")}
        </Text>
      ) : (
        <Group gap={6} component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
          {list.map((tag) => (
            <li key={tag}>
              {/* Not Mantine's Pill: its remove button is hidden from assistive technology and the keyboard. */}
              <Badge
                variant="light"
                tt="none"
                rightSection={
                  canEdit ? (
                    <CloseButton
                      size="xs"
                      aria-label={t("agent.tags.remove", { tag })}
                      onClick={() => change.mutate({ tag, add: false })}
                    />
                  ) : null
                }
              >
                {tag}
              </Badge>
            </li>
          ))}
        </Group>
      )}
      {canEdit && list.length < tagsPerTicket && (
        <Form onSubmit={add}>
          <Group gap="xs" align="flex-end">
            <TextInput
              size="xs"
              label={t("agent.tags.addLabel")}
              value={draft}
              maxLength={40}
              error={problem}
              onChange={(event) => setDraft(event.currentTarget.value)}
            />
            <Button size="xs" type="submit" variant="light" loading={change.isPending} disabled={!draft.trim()}>
              {t("agent.tags.add")}
            </Button>
          </Group>
        </Form>
      )}
      {change.isError && <Alert color="red">{change.error.message}</Alert>}
    </Stack>
  );
}
