import { Anchor, Box, Burger, Container, Group, Text } from "@mantine/core";
import { useState } from "react";
import { Link, useLocation } from "react-router";
import type { Session } from "../../common/accounts.ts";
import { isStaff, useSession, useSignOut } from "../api/session.ts";
import { useT } from "../i18n/use-t.ts";
import { removeAllDrafts } from "./comment-drafts.ts";

/** A page belongs to a link when it is the link's page or one below it. */
const under = (to: string) => (path: string) => path === to || path.startsWith(`${to}/`);

/**
 * Where each link counts as the current page. Exactly one link matches any page: "My requests" owns the
 * request pages but not the form and its confirmation, which belong to "Submit a request".
 */
const submitPages = (path: string) => path === "/requests/new" || path.startsWith("/requests/submitted/");
const requestPages = (path: string) => under("/requests")(path) && !submitPages(path);

function NavItem({
  to,
  children,
  current = under(to),
}: {
  to: string;
  children: string;
  current?: (path: string) => boolean;
}) {
  const { pathname } = useLocation();
  return (
    <Anchor component={Link} to={to} fw={500} aria-current={current(pathname) ? "page" : undefined}>
      {children}
    </Anchor>
  );
}

/** What each kind of visitor can go to: visitors, customers, access-link guests, agents and admins. */
function Links({ session }: { session: Session | undefined }) {
  const t = useT();
  const user = session?.user;
  const guest = session?.guest;
  const admin = user?.permissions.some((p) => p.startsWith("admin.")) ?? false;
  return (
    <>
      <NavItem to="/help">{t("portal.nav.help")}</NavItem>
      {!guest && <NavItem to="/services">{t("portal.nav.services")}</NavItem>}
      {!guest && (!user || user.permissions.includes("tickets.submit")) && (
        <NavItem to="/requests/new" current={submitPages}>
          {t("portal.nav.submit")}
        </NavItem>
      )}
      {!user && !guest && <NavItem to="/status">{t("portal.nav.status")}</NavItem>}
      {user && !isStaff(user) && (
        <NavItem to="/requests" current={requestPages}>
          {t("portal.nav.myRequests")}
        </NavItem>
      )}
      {/* A guest may be the requester or someone copied on the request: the link names it, not whose it is. */}
      {guest && (
        <NavItem to={`/requests/${guest.ticketNumber}`}>
          {t("portal.nav.guestRequest", { number: String(guest.ticketNumber) })}
        </NavItem>
      )}
      {isStaff(user) && <NavItem to="/agent/tickets">{t("portal.nav.agent")}</NavItem>}
      {isStaff(user) && user?.permissions.includes("reports.view") && (
        <NavItem to="/agent/reports">{t("portal.nav.reports")}</NavItem>
      )}
      {admin && <NavItem to="/admin">{t("portal.nav.admin")}</NavItem>}
      {!admin && user?.permissions.includes("kb.edit") && <NavItem to="/admin/kb">{t("portal.nav.kb")}</NavItem>}
      {user && <NavItem to="/account">{t("portal.nav.account")}</NavItem>}
      {!user && !guest && <NavItem to="/sign-in">{t("portal.nav.signIn")}</NavItem>}
      {(user || guest) && <SignOutButton />}
    </>
  );
}

/**
 * The brand and the main navigation. On a phone the links fold behind a menu button so the header stays one
 * row; `wide` pages (the agent workspace) span the screen, and the header spans it with them so both line up.
 */
export function SiteHeader({ wide }: { wide: boolean }) {
  const t = useT();
  const session = useSession().data;
  const { pathname } = useLocation();
  // The folded menu is open on the page where it was opened: following one of its links closes it.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const menuOpen = openOn === pathname;
  return (
    <Box component="header" className="site-header">
      <Container {...(wide ? { fluid: true } : { size: "lg" })} px={{ base: "sm", sm: "md" }}>
        <Group justify="space-between" gap="xs" py="sm" wrap="wrap">
          <Anchor component={Link} to="/" fw={700} fz="lg" c="inherit" underline="never">
            {t("portal.brand")}
          </Anchor>
          <Burger
            opened={menuOpen}
            onClick={() => setOpenOn(menuOpen ? null : pathname)}
            hiddenFrom="sm"
            size="sm"
            aria-label={menuOpen ? t("portal.nav.closeMenu") : t("portal.nav.openMenu")}
            aria-expanded={menuOpen}
            aria-controls="main-navigation"
          />
          <Box
            component="nav"
            aria-label={t("portal.nav.label")}
            id="main-navigation"
            className="site-nav"
            data-open={menuOpen || undefined}
            // Any link followed from the folded menu closes it, also one to the page already open.
            onClick={(event) => {
              if (event.target instanceof Element && event.target.closest("a")) setOpenOn(null);
            }}
          >
            <Group gap="md" wrap="wrap" className="site-nav-links">
              <Links session={session} />
            </Group>
          </Box>
        </Group>
      </Container>
    </Box>
  );
}

function SignOutButton() {
  const t = useT();
  const signOut = useSignOut();
  return (
    <Group gap="xs">
      <Anchor
        component="button"
        type="button"
        fw={500}
        disabled={signOut.isPending}
        onClick={() => signOut.mutate(undefined, { onSuccess: removeAllDrafts })}
      >
        {t("portal.nav.signOut")}
      </Anchor>
      {signOut.isError && (
        <Text size="sm" c="red.9" role="alert">
          {signOut.error.message}
        </Text>
      )}
    </Group>
  );
}
