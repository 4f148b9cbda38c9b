import { Alert, Button, Group, Radio, Select, Stack, Text, Textarea } from "@mantine/core";
import type { UseMutationResult } from "@tanstack/react-query";
import { useState } from "react";
import { type SatisfactionAnswer, satisfactionCommentMaxLength } from "../../common/satisfaction.ts";
import type { RatingInput } from "../api/satisfaction.ts";
import { useT } from "../i18n/use-t.ts";
import { Form } from "./Form.tsx";
import { FormAlert } from "./FormAlert.tsx";
import { formatDateTime } from "./format.ts";

type Reason = { id: string; label: string };

/** The answer given so far, in words. */
export function RatingSummary({ answer }: { answer: SatisfactionAnswer }) {
  const t = useT();
  return (
    <Stack gap={4}>
      <Text>
        {t.rich("requests.rating.yours", {
          rating: answer.rating === "good" ? t("requests.rating.good") : t("requests.rating.bad"),
          b: (chunks) => <strong>{chunks}</strong>,
        })}{" "}
        <Text span size="sm" c="dimmed">
          ({formatDateTime(answer.ratedAt)})
        </Text>
      </Text>
      {answer.reason && <Text size="sm">{t("requests.rating.reasonGiven", { reason: answer.reason })}</Text>}
      {answer.comment && <Text size="sm">{t("requests.rating.commentGiven", { comment: answer.comment })}</Text>}
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
  const t = useT();
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
    <Form noValidate onSubmit={submit} aria-label={t("requests.rating.title")}>
      <Stack gap="md">
        {rate.isSuccess && (
          <Alert color="green" title={t("requests.rating.thanks")} role="status">
            {t("requests.rating.recorded")}
          </Alert>
        )}
        {answer && !rate.isSuccess && <RatingSummary answer={answer} />}
        <Radio.Group
          label={t("requests.rating.question")}
          value={rating}
          onChange={(v) => {
            setRating(v === "bad" ? "bad" : "good");
            setMissing(false);
            rate.reset();
          }}
          error={missing ? t("requests.rating.missing") : undefined}
          withAsterisk
        >
          <Stack gap="xs" mt="xs">
            <Radio value="good" label={t("requests.rating.goodChoice")} />
            <Radio value="bad" label={t("requests.rating.badChoice")} />
          </Stack>
        </Radio.Group>
        {rating === "bad" && reasons.length > 0 && (
          <Select
            label={t("requests.rating.reason")}
            description={t("requests.rating.optional")}
            placeholder={t("requests.rating.chooseReason")}
            clearable
            data={reasons.map((r) => ({ value: r.id, label: r.label }))}
            value={reasonId}
            onChange={setReasonId}
          />
        )}
        <Textarea
          label={t("requests.rating.feedback")}
          description={t("requests.rating.feedbackHint")}
          autosize
          minRows={3}
          maxLength={satisfactionCommentMaxLength}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
        />
        <FormAlert error={rate.error} shown={["rating", "comment"]} />
        <Group>
          <Button type="submit" loading={rate.isPending}>
            {answer ? t("requests.rating.change") : t("requests.rating.send")}
          </Button>
        </Group>
      </Stack>
    </Form>
  );
}
