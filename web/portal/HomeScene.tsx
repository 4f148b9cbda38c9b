import { Anchor, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { maySubmitNot, useMaySubmit } from "../api/session.ts";
import { useDocumentTitle } from "../ui/use-document-title.ts";

export function HomeScene() {
  useDocumentTitle("Help desk");
  const maySubmit = useMaySubmit();
  return (
    <Paper withBorder radius="lg" p={{ base: "lg", sm: "xl" }} maw={720} mx="auto">
      <Stack gap="lg">
        <Title order={1}>How can we help?</Title>
        <Text size="lg">
          Tell us what you need: a question, a problem, or something to order. We reply by email, and every request gets
          a ticket number you can refer to.
        </Text>
        {maySubmit === false && <Text>{maySubmitNot}</Text>}
        <Group>
          {maySubmit !== false && (
            <Button component={Link} to="/requests/new" size="lg">
              Submit a request
            </Button>
          )}
          <Button component={Link} to="/status" size="lg" variant="default">
            Check ticket status
          </Button>
        </Group>
        <Text>
          With an account you see all your requests in one place:{" "}
          <Anchor component={Link} to="/sign-in" underline="always">
            Sign in
          </Anchor>{" "}
          or{" "}
          <Anchor component={Link} to="/register" underline="always">
            Register
          </Anchor>
          .
        </Text>
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
