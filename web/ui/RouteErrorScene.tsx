import { Alert, Anchor, Stack, Title } from "@mantine/core";
import { Link } from "react-router";
import { useDocumentTitle } from "./use-document-title.ts";

/** Shown inside the layout when a scene fails to render, so the header and a way home stay put. */
export function RouteErrorScene() {
  useDocumentTitle("Something went wrong");
  return (
    <Stack gap="md" maw={640}>
      <Title order={1}>Something went wrong</Title>
      <Alert color="red" title="This page could not be shown">
        Reload the page to try again. If it keeps happening, let us know.
      </Alert>
      <Anchor component={Link} to="/" reloadDocument>
        Go to the help desk home page
      </Anchor>
    </Stack>
  );
}
