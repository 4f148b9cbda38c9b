import { Anchor, Stack, Text } from "@mantine/core";
import { Link, useParams } from "react-router";
import { CenteredPage } from "../account/CenteredPage.tsx";
import { useRateByLink, useSurvey } from "../api/satisfaction.ts";
import { useT } from "../i18n/use-t.ts";
import { LoadingState } from "../ui/LoadingState.tsx";
import { RatingForm, RatingSummary } from "../ui/RatingForm.tsx";
import { useDocumentTitle } from "../ui/use-document-title.ts";

/**
 * The page a survey mail's Good or Bad link opens (no sign-in): it preselects the choice and records it only
 * when the requester confirms, with an optional comment and reason. A link that does not work (unknown,
 * altered, expired) gets one message whatever the cause; a closed request shows its answer, read-only.
 */
export function RateScene() {
  const t = useT();
  const invalidTitle = t("requests.rate.invalidTitle");
  const { token = "", choice } = useParams();
  const survey = useSurvey(token);
  const rate = useRateByLink(token);
  const initial = choice === "good" || choice === "bad" ? choice : null;
  const title = survey.isError ? invalidTitle : t("requests.rating.title");
  useDocumentTitle(title);
  if (survey.isPending) return <LoadingState label={t("requests.rate.loading")} />;
  if (survey.isError) {
    return (
      <CenteredPage title={invalidTitle}>
        <Stack gap="sm">
          <Text>{t("requests.rate.invalid")}</Text>
          <Anchor component={Link} to="/requests" underline="always">
            {t("requests.rate.yourRequests")}
          </Anchor>
        </Stack>
      </CenteredPage>
    );
  }
  const { ticketNumber, subject, answer, canRate, reasons } = survey.data;
  return (
    <CenteredPage title={t("requests.rating.title")}>
      <Stack gap="md">
        <Text>{t("requests.rate.request", { number: String(ticketNumber), subject })}</Text>
        {canRate ? (
          <RatingForm initial={initial} answer={answer} reasons={reasons} rate={rate} />
        ) : (
          <Stack gap="sm">
            <Text fw={600}>{t("requests.rating.closed")}</Text>
            {answer ? <RatingSummary answer={answer} /> : <Text>{t("requests.rate.noRating")}</Text>}
          </Stack>
        )}
      </Stack>
    </CenteredPage>
  );
}
