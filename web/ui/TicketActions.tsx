import {
  Anchor,
  Button,
  CloseButton,
  Group,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { Link, useNavigate } from "react-router";
import type { TicketDetail } from "../../common/tickets.ts";
import { ApiError } from "../api/client.ts";
import {
  useAddCc,
  useChangeStatus,
  useCreateFollowUp,
  useRemoveCc,
  useStatuses,
  useWithdraw,
  useWithdrawReasons,
} from "../api/lifecycle.ts";
import { useSession } from "../api/session.ts";
import { useT } from "../i18n/use-t.ts";
import { Dialog } from "./Dialog.tsx";
import { Form } from "./Form.tsx";
import { FormAlert } from "./FormAlert.tsx";
import { formatDateTime } from "./format.ts";

const problem = (error: Error | null) =>
  error ? (error instanceof ApiError ? (Object.values(error.fields)[0] ?? error.message) : error.message) : null;

/** Agents: pick a status and apply it. */
export function StatusChanger({ ticket }: { ticket: TicketDetail }) {
  const t = useT();
  const statuses = useStatuses();
  const change = useChangeStatus(ticket.number);
  // Only the agent's own pick is kept here; without one the select shows the ticket's status as it is now, so a
  // change made elsewhere (the edit dialog, a reply, a colleague) shows here too instead of a stale status that
  // "Change status" would put back.
  const [chosen, setChosen] = useState<string | null>(null);
  const statusId = chosen ?? ticket.status.id;
  return (
    <Group align="flex-end" gap="sm">
      <Select
        id="ticket-status"
        label={t("requests.status.label")}
        data={(statuses.data?.statuses ?? []).map((s) => ({ value: s.id, label: s.agentLabel }))}
        value={statusId}
        onChange={setChosen}
        allowDeselect={false}
        w={240}
      />
      <Button
        variant="default"
        disabled={statusId === ticket.status.id}
        loading={change.isPending}
        onClick={() => change.mutate({ statusId }, { onSuccess: () => setChosen(null) })}
      >
        {t("requests.status.change")}
      </Button>
      {change.isError && (
        <Text size="sm" c="red.9" role="alert">
          {problem(change.error)}
        </Text>
      )}
    </Group>
  );
}

/**
 * The requester's side: withdraw with a reason, or open a follow-up once it
 * is finished ("Mark as solved" sits with the comment form, so a typed
 * comment goes with it). Shown from the ticket's abilities, never re-derived.
 */
export function RequesterActions({ ticket }: { ticket: TicketDetail }) {
  const t = useT();
  const [withdrawing, setWithdrawing] = useState(false);
  const { abilities } = ticket;
  const category = ticket.status.category;
  if (abilities.followUp) {
    return (
      <Stack gap="xs">
        {abilities.reopen && <Text size="sm">{t("requests.reopen.hint")}</Text>}
        <FollowUpForm ticket={ticket} />
      </Stack>
    );
  }
  if (!abilities.withdraw && !(abilities.reopen && category === "solved")) return null;
  return (
    <Stack gap="xs">
      {abilities.reopen && category === "solved" && ticket.reopenUntil && (
        <Text size="sm">{t("requests.reopen.until", { date: formatDateTime(ticket.reopenUntil) })}</Text>
      )}
      {abilities.withdraw && (
        <Group gap="sm">
          <Button variant="default" color="red" onClick={() => setWithdrawing(true)}>
            {t("requests.withdraw.open")}
          </Button>
        </Group>
      )}
      <Dialog opened={withdrawing} onClose={() => setWithdrawing(false)} title={t("requests.withdraw.open")}>
        {withdrawing && <WithdrawForm ticket={ticket} onDone={() => setWithdrawing(false)} />}
      </Dialog>
    </Stack>
  );
}

function WithdrawForm({ ticket, onDone }: { ticket: TicketDetail; onDone: () => void }) {
  const t = useT();
  const reasons = useWithdrawReasons();
  const withdraw = useWithdraw(ticket.number);
  const [reasonId, setReasonId] = useState<string | null>(null);
  const [comment, setComment] = useState("");
  const [reasonError, setReasonError] = useState<string | undefined>();
  const submit = () => {
    // The same words the server uses for a missing reason, before anything is sent.
    if (!reasonId) {
      setReasonError(t("validation.chooseReason"));
      return;
    }
    withdraw.mutate(
      { reasonId, ...(comment.trim() ? { comment: { body: comment, format: "text", kind: "public" } } : {}) },
      {
        onSuccess: onDone,
        onError: (e) => setReasonError(e instanceof ApiError ? e.fields.reasonId : undefined),
      },
    );
  };
  return (
    <Stack gap="sm">
      <Select
        label={t("requests.withdraw.reason")}
        data={(reasons.data?.reasons ?? []).map((r) => ({ value: r.id, label: r.label }))}
        value={reasonId}
        onChange={(value) => {
          setReasonId(value);
          setReasonError(undefined);
        }}
        error={reasonError}
      />
      <Textarea
        label={t("requests.withdraw.comment")}
        autosize
        minRows={2}
        value={comment}
        onChange={(e) => setComment(e.currentTarget.value)}
      />
      {!reasonError && <FormAlert error={withdraw.error} shown={["reasonId"]} />}
      <Group justify="flex-end">
        <Button color="red" loading={withdraw.isPending} onClick={submit}>
          {t("requests.withdraw.submit")}
        </Button>
      </Group>
    </Stack>
  );
}

function FollowUpForm({ ticket }: { ticket: TicketDetail }) {
  const t = useT();
  const create = useCreateFollowUp(ticket.number);
  const navigate = useNavigate();
  const [subject, setSubject] = useState(
    t("requests.followUp.subject", { number: String(ticket.number), subject: ticket.subject }).slice(0, 200),
  );
  const [message, setMessage] = useState("");
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="follow-up-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="follow-up-heading">
          {t("requests.followUp.title")}
        </Title>
        <Text size="sm">{t("requests.followUp.intro")}</Text>
        <TextInput
          label={t("requests.followUp.subjectLabel")}
          value={subject}
          onChange={(e) => setSubject(e.currentTarget.value)}
        />
        <Textarea
          label={t("requests.followUp.message")}
          autosize
          minRows={3}
          value={message}
          onChange={(e) => setMessage(e.currentTarget.value)}
        />
        <FormAlert error={create.error} />
        <Group>
          <Button
            loading={create.isPending}
            onClick={() =>
              create.mutate(
                { subject, message },
                {
                  onSuccess: (result) =>
                    navigate(`/requests/submitted/${result.number}`, { state: { email: result.email } }),
                },
              )
            }
          >
            {t("requests.followUp.create")}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** People copied on the ticket; who may add or remove them comes with the ticket (its abilities). */
export function CcPanel({ ticket }: { ticket: TicketDetail }) {
  const t = useT();
  const add = useAddCc(ticket.number);
  const remove = useRemoveCc(ticket.number);
  const session = useSession().data;
  const me = session?.user?.email ?? session?.guest?.email ?? null;
  const [email, setEmail] = useState("");
  const { abilities } = ticket;
  const removable = (cc: string) => abilities.removeCc || (abilities.leaveCc && cc === me);
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="ccs-heading">
      <Title order={2} size="h4" id="ccs-heading" mb="sm">
        {t("requests.ccs.title")}
      </Title>
      <Stack gap="xs">
        {ticket.ccs.length === 0 ? (
          <Text size="sm">{t("requests.ccs.none")}</Text>
        ) : (
          <Stack gap={4} component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
            {ticket.ccs.map((cc) => (
              <Group key={cc} component="li" justify="space-between" gap="xs" wrap="nowrap">
                <Text size="sm">{cc}</Text>
                {removable(cc) && (
                  <CloseButton aria-label={t("requests.ccs.remove", { email: cc })} onClick={() => remove.mutate(cc)} />
                )}
              </Group>
            ))}
          </Stack>
        )}
        {remove.isError && (
          <Text size="sm" c="red.9" role="alert">
            {problem(remove.error)}
          </Text>
        )}
        {abilities.addCc && (
          <Form
            aria-label={t("requests.ccs.add")}
            onSubmit={(e) => {
              e.preventDefault();
              add.mutate(email, { onSuccess: () => setEmail("") });
            }}
          >
            <Group align="flex-end" gap="xs" wrap="nowrap">
              <TextInput
                label={t("requests.ccs.add")}
                type="email"
                value={email}
                onChange={(e) => setEmail(e.currentTarget.value)}
                error={problem(add.error)}
                style={{ flex: 1 }}
              />
              <Button type="submit" variant="default" loading={add.isPending}>
                {t("requests.ccs.addButton")}
              </Button>
            </Group>
          </Form>
        )}
      </Stack>
    </Paper>
  );
}

/** "Follow-up of #N" and "Follow-ups: #M" links. */
export function FollowUpLinks({ ticket, base }: { ticket: TicketDetail; base: string }) {
  const t = useT();
  if (ticket.followUpOf === null && ticket.followUps.length === 0) return null;
  return (
    <Text size="sm">
      {ticket.followUpOf !== null && (
        <>
          {t.rich("requests.followUp.of", {
            number: String(ticket.followUpOf),
            link: (chunks) => (
              <Anchor component={Link} to={`${base}/${ticket.followUpOf}`}>
                {chunks}
              </Anchor>
            ),
          })}{" "}
        </>
      )}
      {ticket.followUps.length > 0 && (
        <>
          {t("requests.followUp.in")}{" "}
          {ticket.followUps.map((n) => (
            <Anchor key={n} component={Link} to={`${base}/${n}`} mr={4}>
              #{n}
            </Anchor>
          ))}
        </>
      )}
    </Text>
  );
}
