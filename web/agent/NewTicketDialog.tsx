import {
  Alert,
  Button,
  Checkbox,
  Group,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { useNavigate } from "react-router";
import {
  type AgentTicketInput,
  agentTicketInputSchema,
  type TicketChannel,
  ticketChannels,
} from "../../common/new-ticket.ts";
import type { Priority } from "../../common/tickets.ts";
import { ApiError } from "../api/client.ts";
import { useOpenTicket, useRequesterSearch } from "../api/new-ticket.ts";
import { useDirectory } from "../api/workspace.ts";
import { CustomFieldInput } from "../catalog/CustomFieldInput.tsx";
import { localizeSentence } from "../i18n/sentences.ts";
import { useT } from "../i18n/use-t.ts";
import { Dialog } from "../ui/Dialog.tsx";
import { Form } from "../ui/Form.tsx";
import { FormAlert } from "../ui/FormAlert.tsx";
import { QueryView } from "../ui/QueryView.tsx";
import { channelLabel, priorityOptions } from "./agent-words.ts";

const none = "";
type Directory = NonNullable<ReturnType<typeof useDirectory>["data"]>;

/** "New ticket": an agent opens a ticket for a caller, a visitor at the desk, or someone who wrote to them. */
export function NewTicketDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const t = useT();
  return (
    <Dialog opened={opened} onClose={onClose} title={t("agent.common.newTicket")} size="lg">
      {opened && <NewTicketLoader onDone={onClose} />}
    </Dialog>
  );
}

function NewTicketLoader({ onDone }: { onDone: () => void }) {
  const t = useT();
  const directory = useDirectory({ fresh: true });
  return (
    <QueryView query={directory} loading={t("agent.common.loadingForm")}>
      {(data) => <NewTicketForm directory={data} onDone={onDone} />}
    </QueryView>
  );
}

function NewTicketForm({ directory, onDone }: { directory: Directory; onDone: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  const open = useOpenTicket();
  const [who, setWho] = useState<"existing" | "new">("existing");
  const [requesterId, setRequesterId] = useState<string | null>(null);
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search, 200);
  const found = useRequesterSearch(debounced);
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [channel, setChannel] = useState<TicketChannel>("phone");
  const [subject, setSubject] = useState("");
  const [priority, setPriority] = useState<Priority>("medium");
  // None chosen: the server files it under the general type, as the portal's general form does.
  const [typeId, setTypeId] = useState(none);
  const [groupId, setGroupId] = useState(none);
  const [categoryId, setCategoryId] = useState(none);
  const [message, setMessage] = useState("");
  const [values, setValues] = useState<Record<string, unknown>>({});
  const [notify, setNotify] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const fields = directory.ticketTypes.find((type) => type.id === typeId)?.fields ?? [];
  const options = (found.data?.requesters ?? []).map((r) => ({
    value: r.id,
    label: `${r.name} <${r.email}>${r.organization ? ` · ${r.organization}` : ""}`,
  }));

  const submit = () => {
    const input: AgentTicketInput = {
      requester: who === "existing" ? (requesterId ? { id: requesterId } : {}) : { name, email },
      channel,
      subject,
      priority,
      message,
      typeId: typeId || null,
      groupId: groupId || null,
      categoryId: categoryId || null,
      fields: Object.fromEntries(fields.map((f) => [f.key, values[f.key]]).filter(([, v]) => v !== undefined)),
      notifyRequester: notify,
    };
    const checked = agentTicketInputSchema.safeParse(input);
    if (!checked.success) {
      const problems: Record<string, string> = {};
      for (const issue of checked.error.issues) {
        const key = issue.path.join(".");
        // With nobody chosen, "enter a name" means "choose someone" in the search box.
        if (key.startsWith("requester") && who === "existing") {
          problems["requester.id"] = t("agent.new.chooseRequester");
        } else problems[key] ??= localizeSentence(issue.message);
      }
      setErrors(problems);
      return;
    }
    setErrors({});
    open.mutate(input, {
      onSuccess: ({ number }) => {
        onDone();
        navigate(`/agent/tickets/${number}`);
      },
      onError: (error) => {
        if (error instanceof ApiError) setErrors(error.fields);
      },
    });
  };
  const shown = ["requester", "channel", "priority", "subject", "typeId", "fields", "groupId", "categoryId", "message"];
  const fieldErrors = Object.entries(errors).filter(([key]) => key.startsWith("fields") && !key.includes("."));

  return (
    <Form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack gap="sm">
        <SegmentedControl
          aria-label={t("agent.new.who")}
          value={who}
          onChange={(v) => setWho(v as "existing" | "new")}
          data={[
            { value: "existing", label: t("agent.new.existing") },
            { value: "new", label: t("agent.new.newRequester") },
          ]}
        />
        {who === "existing" ? (
          <Select
            label={t("agent.field.requester")}
            placeholder={t("agent.new.searchPlaceholder")}
            data={options}
            value={requesterId}
            onChange={(id) => {
              setRequesterId(id);
              setErrors(({ "requester.id": _, ...rest }) => rest);
            }}
            searchable
            searchValue={search}
            onSearchChange={setSearch}
            filter={({ options: all }) => all}
            // Below the box, not as `nothingFoundMessage` (inside the list, which then has no options: an ARIA
            // error screen readers announce as an empty list).
            description={
              options.length > 0
                ? undefined
                : found.isFetching
                  ? t("agent.common.searching")
                  : t("agent.new.nobodyFound")
            }
            error={errors["requester.id"]}
            // The list opens with the dialog: the six best matches; typing narrows it.
            limit={6}
            data-autofocus
          />
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t("agent.new.name")}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={errors["requester.name"]}
              data-autofocus
            />
            <TextInput
              label={t("agent.new.email")}
              type="email"
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={errors["requester.email"]}
              description={t("agent.new.emailHint")}
            />
          </SimpleGrid>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t("agent.field.channel")}
            data={ticketChannels.map((c) => ({ value: c, label: channelLabel(t, c) }))}
            value={channel}
            onChange={(v) => v && setChannel(v as TicketChannel)}
            allowDeselect={false}
            error={errors.channel}
          />
          <Select
            label={t("agent.field.priority")}
            data={priorityOptions(t)}
            value={priority}
            onChange={(v) => v && setPriority(v as Priority)}
            allowDeselect={false}
            error={errors.priority}
          />
        </SimpleGrid>
        <TextInput
          label={t("agent.field.subject")}
          value={subject}
          onChange={(e) => setSubject(e.currentTarget.value)}
          error={errors.subject}
        />
        <Select
          label={t("agent.field.type")}
          data={directory.ticketTypes.map((type) => ({ value: type.id, label: type.name }))}
          value={typeId || null}
          onChange={(v) => setTypeId(v ?? none)}
          placeholder={t("agent.new.typePlaceholder")}
          clearable
          error={errors.typeId}
        />
        {fields.map((field) => (
          <CustomFieldInput
            key={field.key}
            field={field}
            value={values[field.key]}
            error={errors[`fields.${field.key}`]}
            onChange={(value) => setValues((v) => ({ ...v, [field.key]: value }))}
          />
        ))}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t("agent.field.group")}
            data={[
              { value: none, label: t("agent.common.noGroup") },
              ...directory.groups.map((g) => ({ value: g.id, label: g.name })),
            ]}
            value={groupId}
            onChange={(v) => setGroupId(v ?? none)}
            allowDeselect={false}
            error={errors.groupId}
          />
          <Select
            label={t("agent.field.category")}
            data={[
              { value: none, label: t("agent.common.none") },
              ...directory.categories.map((c) => ({ value: c.id, label: c.name })),
            ]}
            value={categoryId}
            onChange={(v) => setCategoryId(v ?? none)}
            allowDeselect={false}
            error={errors.categoryId}
          />
        </SimpleGrid>
        <Textarea
          label={t("agent.field.message")}
          description={t("agent.new.messageHint")}
          autosize
          minRows={4}
          value={message}
          onChange={(e) => setMessage(e.currentTarget.value)}
          error={errors.message}
        />
        <Checkbox label={t("agent.new.notify")} checked={notify} onChange={(e) => setNotify(e.currentTarget.checked)} />
        {fieldErrors.map(([key, text]) => (
          <Alert key={key} color="red">
            {text}
          </Alert>
        ))}
        <FormAlert error={open.error} shown={shown} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t("agent.common.cancel")}
          </Button>
          <Button type="submit" loading={open.isPending}>
            {t("agent.new.create")}
          </Button>
        </Group>
      </Stack>
    </Form>
  );
}
