import { Box, Group, Paper, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";
import type { z } from "zod";
import type { organizationSchema } from "../../common/admin.ts";
import { useT } from "../i18n/use-t.ts";

export type Organization = z.infer<typeof organizationSchema>;

const plainList = { listStyle: "none" } as const;

function NameAndCount({ organization, strong }: { organization: Organization; strong?: boolean }) {
  const t = useT();
  return (
    <Text fw={strong ? 600 : undefined}>
      {organization.name}{" "}
      <Text span size="sm" c="dimmed" fw={400}>
        ({t("admin.organizations.members", { count: organization.memberCount })})
      </Text>
    </Text>
  );
}

/** One account with its departments listed under it, each with its own buttons. */
export function AccountCard({
  account,
  departments,
  actions,
}: {
  account: Organization;
  departments: Organization[];
  actions: (organization: Organization) => ReactNode;
}) {
  const t = useT();
  return (
    <Paper withBorder radius="md" p="md">
      <Group justify="space-between">
        <NameAndCount organization={account} strong />
        {actions(account)}
      </Group>
      {departments.length > 0 ? (
        <Stack
          component="ul"
          gap="xs"
          mt="sm"
          mb={0}
          ml={{ base: 0, sm: "lg" }}
          pl="md"
          style={{ ...plainList, borderLeft: "2px solid var(--mantine-color-gray-3)" }}
          aria-label={t("admin.organizations.departmentsOf", { name: account.name })}
        >
          {departments.map((d) => (
            <Box component="li" key={d.id}>
              <Group justify="space-between">
                <NameAndCount organization={d} />
                {actions(d)}
              </Group>
            </Box>
          ))}
        </Stack>
      ) : (
        <Text size="sm" c="dimmed" mt="xs">
          {t("admin.organizations.noDepartments")}
        </Text>
      )}
    </Paper>
  );
}
