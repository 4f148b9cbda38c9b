import { Paper, Stack, Title } from "@mantine/core";
import type { ReactNode } from "react";

/** The narrow card that account pages (sign-in, register, reset…) share. */
export function CenteredPage({ title, children, below }: { title: string; children: ReactNode; below?: ReactNode }) {
  return (
    <Stack gap="md" maw={460} mx="auto">
      <Title order={1}>{title}</Title>
      <Paper withBorder radius="lg" p={{ base: "md", sm: "xl" }}>
        {children}
      </Paper>
      {below}
    </Stack>
  );
}
