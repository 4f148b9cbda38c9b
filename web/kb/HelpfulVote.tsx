import { Button, Group, Stack, Text, Textarea, Title } from "@mantine/core";
import { useState } from "react";
import type { KbHelpfulness } from "../../common/kb.ts";
import { useVote } from "../api/kb.ts";

/** "Was this article helpful?": one vote per person or browser, which they can change; a comment may go with "No". */
export function HelpfulVote({ slug, helpful }: { slug: string; helpful: KbHelpfulness }) {
  const vote = useVote(slug);
  const [comment, setComment] = useState("");
  const [commentSent, setCommentSent] = useState(false);
  return (
    <Stack gap="xs" component="section" aria-labelledby="helpful-title">
      <Title order={2} size="h4" id="helpful-title">
        Was this article helpful?
      </Title>
      <Group gap="xs">
        <Button
          variant={helpful.mine === true ? "filled" : "default"}
          aria-pressed={helpful.mine === true}
          loading={vote.isPending && vote.variables?.helpful === true}
          onClick={() => vote.mutate({ helpful: true })}
        >
          Yes
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
          No
        </Button>
      </Group>
      <Text size="sm" role="status">
        {helpful.total > 0 ? `${helpful.yes} out of ${helpful.total} found this helpful` : "Nobody has voted yet."}
        {helpful.mine !== null && " Thank you for your feedback."}
      </Text>
      {vote.isError && (
        <Text c="red" size="sm">
          {vote.error.message}
        </Text>
      )}
      {helpful.mine === false && !commentSent && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (!comment.trim()) return;
            vote.mutate({ helpful: false, comment }, { onSuccess: () => setCommentSent(true) });
          }}
        >
          <Stack gap="xs" align="flex-start">
            <Textarea
              label="What was missing? (optional)"
              value={comment}
              onChange={(event) => setComment(event.currentTarget.value)}
              maxLength={1000}
              autosize
              minRows={2}
              w="100%"
            />
            <Button type="submit" variant="default" size="compact-md">
              Send feedback
            </Button>
          </Stack>
        </form>
      )}
      {commentSent && <Text size="sm">Thanks — the people who write these articles will read it.</Text>}
    </Stack>
  );
}
