import { createTheme, MantineThemeProvider, PasswordInput } from "@mantine/core";
import { type ReactNode, useMemo } from "react";
import { useT } from "./use-t.ts";

/**
 * The words Mantine's components say themselves (the password field's show/hide button is named
 * "Toggle password visibility"), in the reader's language: given once here, as defaults every use inherits.
 */
export function MantineLabels({ children }: { children: ReactNode }) {
  const t = useT();
  const showPassword = t("portal.showPassword");
  const theme = useMemo(
    () =>
      createTheme({
        components: {
          PasswordInput: PasswordInput.extend({
            defaultProps: { visibilityToggleButtonProps: { "aria-label": showPassword } },
          }),
        },
      }),
    [showPassword],
  );
  return <MantineThemeProvider theme={theme}>{children}</MantineThemeProvider>;
}
