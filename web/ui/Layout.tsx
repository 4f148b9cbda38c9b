import { Anchor, Box, Container, Group, Text } from "@mantine/core";
import { useEffect, useRef } from "react";
import { Link, Outlet, ScrollRestoration, useLocation } from "react-router";
import { useDevMailbox } from "../api/dev-mailbox.ts";
import { LanguageSwitcher } from "../i18n/LanguageSwitcher.tsx";
import { useT } from "../i18n/use-t.ts";
import { LiveConnectionNotice } from "../live/LiveConnectionNotice.tsx";
import { SiteHeader } from "./SiteHeader.tsx";

/** The frame around every page: skip link, header with navigation, the scene, footer. */
export function Layout() {
  const t = useT();
  const mainRef = useMainFocusOnNavigation();
  // Agents work wide tables and a ticket beside its context: their pages use the whole screen, header included,
  // so the page's left edge lines up with the brand above it.
  const wide = useLocation().pathname.startsWith("/agent/");
  const frame = wide ? ({ fluid: true } as const) : ({ size: "lg" } as const);
  return (
    <div className="site">
      <a className="skip-link" href="#main">
        {t("portal.skipToContent")}
      </a>
      <SiteHeader wide={wide} />
      <Box component="main" id="main" ref={mainRef} tabIndex={-1} className="site-main">
        <Container {...frame} px={{ base: "sm", sm: "md" }} py={{ base: "lg", sm: "xl" }}>
          <LiveConnectionNotice />
          <Outlet />
        </Container>
      </Box>
      <Box component="footer" className="site-footer">
        <Container {...frame} px={{ base: "sm", sm: "md" }} py="md">
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              {t("portal.footer.tagline")}
            </Text>
            <Group gap="md">
              <LanguageSwitcher />
              <DevMailboxLink />
            </Group>
          </Group>
        </Container>
      </Box>
      <ScrollRestoration />
    </div>
  );
}

/** After a client-side navigation, focus moves to the new content, as it would on a full page load. */
function useMainFocusOnNavigation() {
  const mainRef = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    mainRef.current?.focus({ preventScroll: true });
  }, [pathname]);
  return mainRef;
}

/** Shown only to those who may read the dev mailbox (the API answers 404 to everyone else). */
function DevMailboxLink() {
  const t = useT();
  const mailbox = useDevMailbox();
  if (!mailbox.isSuccess) return null;
  return (
    <Anchor component={Link} to="/dev/mailbox" size="sm">
      {t("portal.footer.devMailbox")}
    </Anchor>
  );
}
