import { Badge, Group, Paper, Stack, Text, Title } from "@mantine/core";
import type { StatusCategory } from "../../common/tickets.ts";
import { useRateTicket, useTicketSatisfaction } from "../api/satisfaction.ts";
import { useT } from "../i18n/use-t.ts";
import { formatDateTime } from "./format.ts";
import { QueryView } from "./QueryView.tsx";
import { RatingForm, RatingSummary } from "./RatingForm.tsx";

/** The agent's view of the requester's rating: the answer, its reason and comment, or whether a survey went out. */
export function AgentSatisfactionPanel({ number }: { number: number }) {
  const t = useT();
  const satisfaction = useTicketSatisfaction(number);
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="satisfaction-card">
      <Title order={2} size="h4" id="satisfaction-card" mb="xs">
        {t("requests.rating.agentTitle")}
      </Title>
      <QueryView query={satisfaction} loading={t("requests.rating.loading")}>
        {({ answer, surveySentAt }) =>
          answer ? (
            <Stack gap={4}>
              <Group gap="xs">
                <Badge color={answer.rating === "good" ? "green" : "red"} variant="light">
                  {answer.rating === "good" ? t("requests.rating.good") : t("requests.rating.bad")}
                </Badge>
                <Text size="sm" c="dimmed">
                  {formatDateTime(answer.ratedAt)}
                </Text>
              </Group>
              {answer.reason && <Text size="sm">{t("requests.rating.reasonGiven", { reason: answer.reason })}</Text>}
              {answer.comment && (
                <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                  “{answer.comment}”
                </Text>
              )}
            </Stack>
          ) : (
            <Text size="sm">
              {surveySentAt
                ? t("requests.rating.surveySent", { date: formatDateTime(surveySentAt) })
                : t("requests.rating.notRated")}
            </Text>
          )
        }
      </QueryView>
    </Paper>
  );
}

/** On the requester's own page once the request is solved: rate it here too, or see the rating given. */
export function RequesterSatisfactionPanel({ number, category }: { number: number; category: StatusCategory }) {
  const t = useT();
  const asked = category === "solved" || category === "closed";
  const satisfaction = useTicketSatisfaction(number, asked);
  const rate = useRateTicket(number);
  if (!asked || !satisfaction.data) return null;
  const { answer, canRate, reasons } = satisfaction.data;
  if (!canRate && !answer) return null;
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="satisfaction-card">
      <Title order={2} size="h4" id="satisfaction-card" mb="sm">
        {t("requests.rating.title")}
      </Title>
      {canRate ? (
        <RatingForm initial={null} answer={answer} reasons={reasons} rate={rate} />
      ) : (
        answer && (
          <Stack gap="xs">
            <RatingSummary answer={answer} />
            <Text size="sm">{t("requests.rating.closed")}</Text>
          </Stack>
        )
      )}
    </Paper>
  );
}
