import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { Link, useParams } from "react-router";
import { useService } from "../api/catalog.ts";
import { ApiError } from "../api/client.ts";
import { maySubmitNot, useMaySubmit } from "../api/session.ts";
import { LoadingState } from "../ui/LoadingState.tsx";
import { ServiceIcon } from "../ui/ServiceIcon.tsx";
import { useDocumentTitle } from "../ui/use-document-title.ts";

export function ServiceScene() {
  const { slug = "" } = useParams();
  const service = useService(slug);
  useDocumentTitle(service.data?.name ?? "Service");
  const maySubmit = useMaySubmit();
  if (service.isPending) return <LoadingState label="Loading the service" />;
  if (service.isError) {
    const missing = service.error instanceof ApiError && service.error.code === "not_found";
    return (
      <Stack gap="md" maw={640}>
        <Title order={1}>{missing ? "Service not found" : "Service"}</Title>
        <Alert color={missing ? "gray" : "red"}>
          {missing
            ? "There is no such service, or it is not available to you. Signing in may show more services."
            : service.error.message}
        </Alert>
        <Anchor component={Link} to="/services">
          ← All services
        </Anchor>
      </Stack>
    );
  }
  const s = service.data;
  return (
    <Stack gap="md" maw={760}>
      <Anchor component={Link} to="/services" size="sm">
        ← All services
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
      {maySubmit === false && <Text>{maySubmitNot}</Text>}
      <Text size="lg">{s.summary}</Text>
      {s.visibility === "public" && (
        <Badge variant="dot" color="blue" c="dark.9">
          Open to everyone, no account needed
        </Badge>
      )}
      {s.description && s.description !== s.summary && (
        <Paper withBorder radius="md" p="lg">
          <Text style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>{s.description}</Text>
        </Paper>
      )}
    </Stack>
  );
}
