import { Alert, Anchor, Stack, Title } from "@mantine/core";
import { Link } from "react-router";
import { useT } from "../i18n/use-t.ts";
import { useDocumentTitle } from "./use-document-title.ts";

/** Shown inside the layout when a scene fails to render, so the header and a way home stay put. */
export function RouteErrorScene() {
  const t = useT();
  useDocumentTitle(t("requests.routeError.title"));
  return (
    <Stack gap="md" maw={640}>
      <Title order={1}>{t("requests.routeError.title")}</Title>
      <Alert color="red" title={t("requests.routeError.notShown")}>
        {t("requests.routeError.reload")}
      </Alert>
      <Anchor component={Link} to="/" reloadDocument>
        {t("requests.routeError.home")}
      </Anchor>
    </Stack>
  );
}
