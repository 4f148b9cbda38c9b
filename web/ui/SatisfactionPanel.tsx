import { Badge, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { satisfactionRatingLabels } from "../../common/satisfaction.ts";
import type { StatusCategory } from "../../common/tickets.ts";
import { useRateTicket, useTicketSatisfaction } from "../api/satisfaction.ts";
import { formatDateTime } from "./format.ts";
import { QueryView } from "./QueryView.tsx";
import { RatingForm, RatingSummary } from "./RatingForm.tsx";

/** The agent's view of the requester's rating: the answer, its reason and comment, or whether a survey went out. */
export function AgentSatisfactionPanel({ number }: { number: number }) {
  const satisfaction = useTicketSatisfaction(number);
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="satisfaction-card">
      <Title order={2} size="h4" id="satisfaction-card" mb="xs">
        Satisfaction
      </Title>
      <QueryView query={satisfaction} loading="Loading the rating">
        {({ answer, surveySentAt }) =>
          answer ? (
            <Stack gap={4}>
              <Group gap="xs">
                <Badge color={answer.rating === "good" ? "green" : "red"} variant="light">
                  {satisfactionRatingLabels[answer.rating]}
                </Badge>
                <Text size="sm" c="dimmed">
                  {formatDateTime(answer.ratedAt)}
                </Text>
              </Group>
              {answer.reason && <Text size="sm">Reason: {answer.reason}</Text>}
              {answer.comment && (
                <Text size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
                  “{answer.comment}”
                </Text>
              )}
            </Stack>
          ) : (
            <Text size="sm">
              {surveySentAt ? `Not rated yet; survey sent ${formatDateTime(surveySentAt)}.` : "Not rated."}
            </Text>
          )
        }
      </QueryView>
    </Paper>
  );
}

/** On the requester's own page once the request is solved: rate it here too, or see the rating given. */
export function RequesterSatisfactionPanel({ number, category }: { number: number; category: StatusCategory }) {
  const asked = category === "solved" || category === "closed";
  const satisfaction = useTicketSatisfaction(number, asked);
  const rate = useRateTicket(number);
  if (!asked || !satisfaction.data) return null;
  const { answer, canRate, reasons } = satisfaction.data;
  if (!canRate && !answer) return null;
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="satisfaction-card">
      <Title order={2} size="h4" id="satisfaction-card" mb="sm">
        Rate the support
      </Title>
      {canRate ? (
        <RatingForm initial={null} answer={answer} reasons={reasons} rate={rate} />
      ) : (
        answer && (
          <Stack gap="xs">
            <RatingSummary answer={answer} />
            <Text size="sm">This request is closed, so its rating can no longer be changed.</Text>
          </Stack>
        )
      )}
    </Paper>
  );
}
