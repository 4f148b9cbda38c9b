import { Anchor, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { useDocumentTitle } from "../ui/use-document-title.ts";

export function HomeScene() {
  useDocumentTitle("Help desk");
  return (
    <Paper withBorder radius="lg" p={{ base: "lg", sm: "xl" }} maw={720} mx="auto">
      <Stack gap="lg">
        <Title order={1}>How can we help?</Title>
        <Text size="lg">
          Tell us what you need: a question, a problem, or something to order. We reply by email, and every request gets
          a ticket number you can refer to.
        </Text>
        <Group>
          <Button component={Link} to="/requests/new" size="lg">
            Submit a request
          </Button>
        </Group>
        <Text size="sm" c="dimmed">
          Working on the help desk?{" "}
          <Anchor component={Link} to="/agent" size="sm" underline="always">
            Agent sign-in
          </Anchor>
        </Text>
      </Stack>
    </Paper>
  );
}
