import { Anchor, Box, Container, Group, Text } from "@mantine/core";
import { Link, NavLink } from "react-router";
import { isStaff, useSession, useSignOut } from "../api/session.ts";

export function SiteHeader() {
  const user = useSession().data?.user;
  return (
    <Box component="header" className="site-header">
      <Container size="lg" px={{ base: "sm", sm: "md" }}>
        <Group justify="space-between" gap="xs" py="sm">
          <Anchor component={Link} to="/" fw={700} fz="lg" c="inherit" underline="never">
            Switchboard
          </Anchor>
          <Box component="nav" aria-label="Main">
            <Group gap="md" wrap="wrap">
              <Anchor component={NavLink} to="/requests/new" fw={500}>
                Submit a request
              </Anchor>
              {isStaff(user) && (
                <Anchor component={NavLink} to="/agent/tickets" fw={500}>
                  Agent workspace
                </Anchor>
              )}
              {user && <SignOutButton />}
            </Group>
          </Box>
        </Group>
      </Container>
    </Box>
  );
}

function SignOutButton() {
  const signOut = useSignOut();
  return (
    <Group gap="xs">
      <Anchor component="button" type="button" fw={500} disabled={signOut.isPending} onClick={() => signOut.mutate()}>
        Sign out
      </Anchor>
      {signOut.isError && (
        <Text size="sm" c="red.9" role="alert">
          {signOut.error.message}
        </Text>
      )}
    </Group>
  );
}
