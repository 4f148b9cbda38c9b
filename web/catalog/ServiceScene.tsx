import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { Link, useParams } from "react-router";
import { useService } from "../api/catalog.ts";
import { ApiError } from "../api/client.ts";
import { useMaySubmit } from "../api/session.ts";
import { useT } from "../i18n/use-t.ts";
import { LoadingState } from "../ui/LoadingState.tsx";
import { ownDirection } from "../ui/own-direction.ts";
import { ServiceIcon } from "../ui/ServiceIcon.tsx";
import { useDocumentTitle } from "../ui/use-document-title.ts";

export function ServiceScene() {
  const t = useT();
  const { slug = "" } = useParams();
  const service = useService(slug);
  useDocumentTitle(service.data?.name ?? t("catalog.service.fallbackTitle"));
  const maySubmit = useMaySubmit();
  if (service.isPending) return <LoadingState label={t("catalog.service.loading")} />;
  if (service.isError) {
    const missing = service.error instanceof ApiError && service.error.code === "not_found";
    return (
      <Stack gap="md" maw={640}>
        <Title order={1}>{missing ? t("catalog.service.notFound") : t("catalog.service.fallbackTitle")}</Title>
        <Alert color={missing ? "gray" : "red"}>{missing ? t("catalog.service.missing") : service.error.message}</Alert>
        <Anchor component={Link} to="/services">
          {t("catalog.allServices")}
        </Anchor>
      </Stack>
    );
  }
  const s = service.data;
  return (
    <Stack gap="md" maw={760}>
      <Anchor component={Link} to="/services" size="sm">
        {t("catalog.allServices")}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Group gap="sm" wrap="nowrap">
          <ServiceIcon name={s.icon} size={32} />
          <Title order={1}>{s.name}</Title>
        </Group>
        {maySubmit !== false && (
          <Button component={Link} to={`/services/${s.slug}/request`} size="md">
            {s.requestLabel}
          </Button>
        )}
      </Group>
      {maySubmit === false && <Text>{t("portal.maySubmitNot")}</Text>}
      <Text size="lg" {...ownDirection}>
        {s.summary}
      </Text>
      {s.visibility === "public" && (
        <Badge variant="dot" color="blue" c="dark.9">
          {t("catalog.service.public")}
        </Badge>
      )}
      {s.description && s.description !== s.summary && (
        <Paper withBorder radius="md" p="lg">
          <Text dir={ownDirection.dir} style={{ ...ownDirection.style, whiteSpace: "pre-wrap" }}>
            {s.description}
          </Text>
        </Paper>
      )}
    </Stack>
  );
}
