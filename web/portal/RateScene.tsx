import { Anchor, Stack, Text } from "@mantine/core";
import { Link, useParams } from "react-router";
import { CenteredPage } from "../account/CenteredPage.tsx";
import { useRateByLink, useSurvey } from "../api/satisfaction.ts";
import { LoadingState } from "../ui/LoadingState.tsx";
import { RatingForm, RatingSummary } from "../ui/RatingForm.tsx";
import { useDocumentTitle } from "../ui/use-document-title.ts";

const invalidTitle = "This rating link does not work";

/**
 * The page a survey mail's Good or Bad link opens (no sign-in): it preselects the choice and records it only
 * when the requester confirms, with an optional comment and reason. A link that does not work (unknown,
 * altered, expired) gets one message whatever the cause; a closed request shows its answer, read-only.
 */
export function RateScene() {
  const { token = "", choice } = useParams();
  const survey = useSurvey(token);
  const rate = useRateByLink(token);
  const initial = choice === "good" || choice === "bad" ? choice : null;
  const title = survey.isError ? invalidTitle : "Rate the support";
  useDocumentTitle(title);
  if (survey.isPending) return <LoadingState label="Opening your survey" />;
  if (survey.isError) {
    return (
      <CenteredPage title={invalidTitle}>
        <Stack gap="sm">
          <Text>This link is not valid. Use the newest link from your email, or sign in to see your requests.</Text>
          <Anchor component={Link} to="/requests" underline="always">
            Your requests
          </Anchor>
        </Stack>
      </CenteredPage>
    );
  }
  const { ticketNumber, subject, answer, canRate, reasons } = survey.data;
  return (
    <CenteredPage title="Rate the support">
      <Stack gap="md">
        <Text>
          Request #{ticketNumber}: {subject}
        </Text>
        {canRate ? (
          <RatingForm initial={initial} answer={answer} reasons={reasons} rate={rate} />
        ) : (
          <Stack gap="sm">
            <Text fw={600}>This request is closed, so its rating can no longer be changed.</Text>
            {answer ? <RatingSummary answer={answer} /> : <Text>No rating was given before it closed.</Text>}
          </Stack>
        )}
      </Stack>
    </CenteredPage>
  );
}
