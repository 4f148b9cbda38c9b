import { Anchor, Box, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { Link, Navigate, NavLink, Outlet, useLocation } from "react-router";
import { cameFrom } from "../account/return-path.ts";
import { useSession } from "../api/session.ts";
import { useT } from "../i18n/use-t.ts";
import { LoadingState } from "../ui/LoadingState.tsx";
import { useDocumentTitle } from "../ui/use-document-title.ts";
import { adminSections, sectionsFor } from "./sections.ts";

/** Admin pages: signed-in users with an admin permission; the server checks each request again. */
export function RequireAdmin() {
  const t = useT();
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <LoadingState label={t("admin.frame.checkingSession")} />;
  const user = session.data?.user;
  if (!user) return <Navigate to="/agent" replace state={cameFrom(location)} />;
  const sections = sectionsFor(user.permissions);
  // A page of a section this person may not use (an editor of the knowledge base opening Users) is refused too.
  const current = adminSections.find((s) => location.pathname.startsWith(`/admin/${s.path}`));
  if (sections.length === 0 || (current && !sections.includes(current))) return <NotAnAdmin />;
  return (
    <Stack gap="md">
      <Box component="nav" aria-label={t("admin.frame.nav")}>
        <Group gap="md">
          {sections.map(({ path, label }) => {
            const here = location.pathname.startsWith(`/admin/${path}`);
            return (
              <Anchor
                key={path}
                component={NavLink}
                to={`/admin/${path}`}
                fw={500}
                underline={here ? "always" : "hover"}
                style={{ textUnderlineOffset: "0.3em" }}
              >
                {label(t)}
              </Anchor>
            );
          })}
        </Group>
      </Box>
      <Outlet />
    </Stack>
  );
}

/** /admin itself: the first admin page this person may use (Users, for a full admin). */
export function AdminIndex() {
  const permissions = useSession().data?.user?.permissions ?? [];
  return <Navigate to={sectionsFor(permissions)[0]?.path ?? "users"} replace />;
}

function NotAnAdmin() {
  const t = useT();
  useDocumentTitle(t("admin.frame.nav"));
  return (
    <Paper withBorder radius="lg" p="xl" maw={560}>
      <Stack gap="xs">
        <Title order={1} size="h2">
          {t("admin.notAdmin.title")}
        </Title>
        <Text>{t("admin.notAdmin.body")}</Text>
        <Anchor component={Link} to="/" underline="always">
          {t("admin.notAdmin.home")}
        </Anchor>
      </Stack>
    </Paper>
  );
}
