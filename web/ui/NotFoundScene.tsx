import { Anchor, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { useDocumentTitle } from "./use-document-title.ts";

export function NotFoundScene() {
  useDocumentTitle("Page not found");
  return (
    <Stack gap="md" maw={640}>
      <Title order={1}>Page not found</Title>
      <Text>There is nothing at this address. It may have moved, or the link may be mistyped.</Text>
      <Anchor component={Link} to="/">
        Go to the help desk home page
      </Anchor>
    </Stack>
  );
}
