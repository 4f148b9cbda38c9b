import { Alert, Button, Group, Radio, Select, Stack, Text, Textarea } from "@mantine/core";
import type { UseMutationResult } from "@tanstack/react-query";
import { useState } from "react";
import {
  type SatisfactionAnswer,
  satisfactionCommentMaxLength,
  satisfactionRatingLabels,
} from "../../common/satisfaction.ts";
import type { RatingInput } from "../api/satisfaction.ts";
import { FormAlert } from "./FormAlert.tsx";
import { formatDateTime } from "./format.ts";

type Reason = { id: string; label: string };

/** The answer given so far, in words. */
export function RatingSummary({ answer }: { answer: SatisfactionAnswer }) {
  return (
    <Stack gap={4}>
      <Text>
        Your rating: <strong>{satisfactionRatingLabels[answer.rating]}</strong>{" "}
        <Text span size="sm" c="dimmed">
          ({formatDateTime(answer.ratedAt)})
        </Text>
      </Text>
      {answer.reason && <Text size="sm">Reason: {answer.reason}</Text>}
      {answer.comment && <Text size="sm">Comment: {answer.comment}</Text>}
    </Stack>
  );
}

/**
 * "How would you rate the support you received?": Good or Bad, a reason for Bad (the admin's list) and an
 * optional comment. Nothing is recorded until the person confirms with the button, so a link opened by a
 * mail scanner records nothing. Works the same on the survey page and the requester's ticket page.
 */
export function RatingForm({
  initial,
  answer,
  reasons,
  rate,
}: {
  initial: "good" | "bad" | null;
  answer: SatisfactionAnswer | null;
  reasons: Reason[];
  rate: UseMutationResult<void, Error, RatingInput>;
}) {
  const [rating, setRating] = useState<"good" | "bad" | null>(initial ?? answer?.rating ?? null);
  const [reasonId, setReasonId] = useState<string | null>(reasons.find((r) => r.label === answer?.reason)?.id ?? null);
  const [comment, setComment] = useState(answer?.comment ?? "");
  const [missing, setMissing] = useState(false);
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (!rating) {
      setMissing(true);
      return;
    }
    rate.mutate({ rating, comment, reasonId: rating === "bad" ? reasonId : null });
  };
  return (
    <form noValidate onSubmit={submit} aria-label="Rate the support">
      <Stack gap="md">
        {rate.isSuccess && (
          <Alert color="green" title="Thank you for your rating" role="status">
            Your answer was recorded. You can change it until the request is closed.
          </Alert>
        )}
        {answer && !rate.isSuccess && <RatingSummary answer={answer} />}
        <Radio.Group
          label="How would you rate the support you received?"
          value={rating}
          onChange={(v) => {
            setRating(v === "bad" ? "bad" : "good");
            setMissing(false);
            rate.reset();
          }}
          error={missing ? "Choose Good or Bad." : undefined}
          withAsterisk
        >
          <Stack gap="xs" mt="xs">
            <Radio value="good" label="Good, I'm satisfied" />
            <Radio value="bad" label="Bad, I'm unsatisfied" />
          </Stack>
        </Radio.Group>
        {rating === "bad" && reasons.length > 0 && (
          <Select
            label="What went wrong?"
            description="Optional"
            placeholder="Choose a reason"
            clearable
            data={reasons.map((r) => ({ value: r.id, label: r.label }))}
            value={reasonId}
            onChange={setReasonId}
          />
        )}
        <Textarea
          label="Your feedback"
          description="Optional: anything you would like us to know."
          autosize
          minRows={3}
          maxLength={satisfactionCommentMaxLength}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
        />
        <FormAlert error={rate.error} shown={["rating", "comment"]} />
        <Group>
          <Button type="submit" loading={rate.isPending}>
            {answer ? "Change my rating" : "Send my rating"}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
