import {
  Autocomplete,
  type CSSVariablesResolver,
  createTheme,
  MultiSelect,
  Popover,
  Select,
  TagsInput,
  Tooltip,
} from "@mantine/core";

/**
 * A long option list scrolls in the listbox itself, not in a scroll area wrapped around it: assistive technology
 * and axe know a combobox's listbox is reached by the arrow keys from its input, while a bare scrolling box
 * around it is a region keyboard users cannot reach (axe's scrollable-region-focusable failed on the new-ticket
 * dialog's requester list once a long run had filled it).
 */
const scrollingListbox = {
  defaultProps: { withScrollArea: false },
  styles: { options: { maxHeight: "min(18rem, 45vh)", overflowY: "auto" } },
} as const;

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
  components: {
    // Lists, menus and popovers are placed on the screen, not on the page: placed on the page, a list that opens
    // near the right edge (the new-ticket dialog's requester list, for the frames before it is moved into view)
    // made a phone's page wider than its screen, and a fixed dialog's list has no page to scroll with anyway.
    Popover: Popover.extend({ defaultProps: { floatingStrategy: "fixed" } }),
    // A tooltip is placed on the screen too, and wraps within it: a one-line note wider than a phone (a built-in
    // role's, on its Delete button) made the page 440 px wide and could not be read past the screen's edge.
    Tooltip: Tooltip.extend({
      defaultProps: { floatingStrategy: "fixed", multiline: true, maw: "min(30rem, calc(100vw - 1rem))" },
    }),
    Select: Select.extend(scrollingListbox),
    MultiSelect: MultiSelect.extend(scrollingListbox),
    Autocomplete: Autocomplete.extend(scrollingListbox),
    TagsInput: TagsInput.extend(scrollingListbox),
  },
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
