import { Anchor, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { useMaySubmit } from "../api/session.ts";
import { useT } from "../i18n/use-t.ts";
import { useDocumentTitle } from "../ui/use-document-title.ts";

export function HomeScene() {
  const t = useT();
  useDocumentTitle(t("portal.home.tabTitle"));
  const maySubmit = useMaySubmit();
  const link = (to: string, size?: "sm") => (chunks: ReactNode[]) => (
    <Anchor component={Link} to={to} size={size} underline="always">
      {chunks}
    </Anchor>
  );
  return (
    <Paper withBorder radius="lg" p={{ base: "lg", sm: "xl" }} maw={720} mx="auto">
      <Stack gap="lg">
        <Title order={1}>{t("portal.home.title")}</Title>
        <Text size="lg">{t("portal.home.intro")}</Text>
        {maySubmit === false && <Text>{t("portal.maySubmitNot")}</Text>}
        <Group>
          {maySubmit !== false && (
            <Button component={Link} to="/requests/new" size="lg">
              {t("portal.home.submit")}
            </Button>
          )}
          <Button component={Link} to="/status" size="lg" variant="default">
            {t("portal.home.status")}
          </Button>
        </Group>
        <Text>{t.rich("portal.home.account", { signin: link("/sign-in"), register: link("/register") })}</Text>
        <Text size="sm" c="dimmed">
          {t.rich("portal.home.agent", { agent: link("/agent", "sm") })}
        </Text>
      </Stack>
    </Paper>
  );
}
