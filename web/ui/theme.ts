import { type CSSVariablesResolver, createTheme } from "@mantine/core";

/**
 * Mantine's defaults, darkened where they fall short of WCAG AA contrast on white:
 * filled buttons and links use shade 8 (white on blue 6 is only 3.5:1), and the
 * dimmed and error text colours move from shade 6 to darker shades.
 */
export const theme = createTheme({
  primaryColor: "blue",
  primaryShade: { light: 8, dark: 8 },
  defaultRadius: "md",
  cursorType: "pointer",
  // People who ask their system for less motion get no transitions (modals, menus) at all.
  respectReducedMotion: true,
});

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    "--mantine-color-dimmed": "var(--mantine-color-gray-7)",
    "--mantine-color-error": "var(--mantine-color-red-9)",
    "--mantine-color-placeholder": "var(--mantine-color-gray-6)",
  },
  dark: {},
});
