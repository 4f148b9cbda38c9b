import { Alert, Stack, Text, Title } from "@mantine/core";
import { useMaySubmit, useSession } from "../api/session.ts";
import { useT } from "../i18n/use-t.ts";
import { LoadingState } from "../ui/LoadingState.tsx";
import { useDocumentTitle } from "../ui/use-document-title.ts";
import { SubmitRequestForm } from "./SubmitRequestForm.tsx";

export function SubmitRequestScene() {
  const t = useT();
  useDocumentTitle(t("portal.submit.title"));
  const session = useSession();
  const maySubmit = useMaySubmit();
  return (
    <Stack gap="md" maw={960} mx="auto">
      <Title order={1}>{t("portal.submit.title")}</Title>
      <Text>{t("portal.submit.intro")}</Text>
      {/* Wait for the session so a signed-in person's name and email start filled in. */}
      {session.isPending ? (
        <LoadingState label={t("portal.submit.loading")} />
      ) : maySubmit === false ? (
        <Alert color="gray" title={t("portal.submit.cannot")}>
          {t("portal.maySubmitNot")}
        </Alert>
      ) : (
        <SubmitRequestForm requester={session.data?.user ?? null} />
      )}
    </Stack>
  );
}
