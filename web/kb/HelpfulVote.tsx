import { Button, Group, Stack, Text, Textarea, Title } from "@mantine/core";
import { useState } from "react";
import type { KbHelpfulness } from "../../common/kb.ts";
import { useVote } from "../api/kb.ts";
import { useT } from "../i18n/use-t.ts";
import { Form } from "../ui/Form.tsx";

/** "Was this article helpful?": one vote per person or browser, which they can change; a comment may go with "No". */
export function HelpfulVote({ slug, helpful }: { slug: string; helpful: KbHelpfulness }) {
  const t = useT();
  const vote = useVote(slug);
  const [comment, setComment] = useState("");
  const [commentSent, setCommentSent] = useState(false);
  return (
    <Stack gap="xs" component="section" aria-labelledby="helpful-title">
      <Title order={2} size="h4" id="helpful-title">
        {t("helpcentre.vote.title")}
      </Title>
      <Group gap="xs">
        <Button
          variant={helpful.mine === true ? "filled" : "default"}
          aria-pressed={helpful.mine === true}
          loading={vote.isPending && vote.variables?.helpful === true}
          onClick={() => vote.mutate({ helpful: true })}
        >
          {t("helpcentre.vote.yes")}
        </Button>
        <Button
          variant={helpful.mine === false ? "filled" : "default"}
          aria-pressed={helpful.mine === false}
          loading={vote.isPending && vote.variables?.helpful === false && !vote.variables.comment}
          onClick={() => {
            setCommentSent(false);
            vote.mutate({ helpful: false });
          }}
        >
          {t("helpcentre.vote.no")}
        </Button>
      </Group>
      <Text size="sm" role="status">
        {helpful.total > 0
          ? t("helpcentre.vote.tally", { yes: helpful.yes, total: helpful.total })
          : t("helpcentre.vote.nobody")}
        {helpful.mine !== null && ` ${t("helpcentre.vote.thanks")}`}
      </Text>
      {vote.isError && (
        <Text c="red" size="sm">
          {vote.error.message}
        </Text>
      )}
      {helpful.mine === false && !commentSent && (
        <Form
          onSubmit={(event) => {
            event.preventDefault();
            if (!comment.trim()) return;
            vote.mutate({ helpful: false, comment }, { onSuccess: () => setCommentSent(true) });
          }}
        >
          <Stack gap="xs" align="flex-start">
            <Textarea
              label={t("helpcentre.vote.missing")}
              value={comment}
              onChange={(event) => setComment(event.currentTarget.value)}
              maxLength={1000}
              autosize
              minRows={2}
              w="100%"
            />
            <Button type="submit" variant="default" size="compact-md">
              {t("helpcentre.vote.send")}
            </Button>
          </Stack>
        </Form>
      )}
      {commentSent && <Text size="sm">{t("helpcentre.vote.commentSent")}</Text>}
    </Stack>
  );
}
