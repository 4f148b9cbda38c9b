import { Anchor, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { useT } from "../i18n/use-t.ts";
import { useDocumentTitle } from "./use-document-title.ts";

export function NotFoundScene() {
  const t = useT();
  useDocumentTitle(t("portal.notFound.title"));
  return (
    <Stack gap="md" maw={640}>
      <Title order={1}>{t("portal.notFound.title")}</Title>
      <Text>{t("portal.notFound.body")}</Text>
      <Anchor component={Link} to="/">
        {t("portal.notFound.home")}
      </Anchor>
    </Stack>
  );
}
