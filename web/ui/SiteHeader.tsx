import { Anchor, Box, Container, Group, Text } from "@mantine/core";
import { Link, NavLink } from "react-router";
import type { Session } from "../../common/accounts.ts";
import { isStaff, useSession, useSignOut } from "../api/session.ts";

function NavItem({ to, children }: { to: string; children: string }) {
  return (
    <Anchor component={NavLink} to={to} fw={500}>
      {children}
    </Anchor>
  );
}

/** What each kind of visitor can go to: visitors, customers, access-link guests, agents and admins. */
function Links({ session }: { session: Session | undefined }) {
  const user = session?.user;
  const guest = session?.guest;
  const admin = user?.permissions.some((p) => p.startsWith("admin.")) ?? false;
  return (
    <>
      {!guest && <NavItem to="/services">Services</NavItem>}
      {!guest && (!user || user.permissions.includes("tickets.submit")) && (
        <NavItem to="/requests/new">Submit a request</NavItem>
      )}
      {!user && !guest && <NavItem to="/status">Check ticket status</NavItem>}
      {user && !isStaff(user) && <NavItem to="/requests">My requests</NavItem>}
      {guest && <NavItem to={`/requests/${guest.ticketNumber}`}>Your request</NavItem>}
      {isStaff(user) && <NavItem to="/agent/tickets">Agent workspace</NavItem>}
      {admin && <NavItem to="/admin">Admin</NavItem>}
      {user && <NavItem to="/account">Account</NavItem>}
      {!user && !guest && <NavItem to="/sign-in">Sign in</NavItem>}
      {(user || guest) && <SignOutButton />}
    </>
  );
}

export function SiteHeader() {
  const session = useSession().data;
  return (
    <Box component="header" className="site-header">
      <Container size="lg" px={{ base: "sm", sm: "md" }}>
        <Group justify="space-between" gap="xs" py="sm">
          <Anchor component={Link} to="/" fw={700} fz="lg" c="inherit" underline="never">
            Switchboard
          </Anchor>
          <Box component="nav" aria-label="Main">
            <Group gap="md" wrap="wrap">
              <Links session={session} />
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
