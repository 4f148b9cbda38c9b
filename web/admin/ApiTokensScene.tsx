import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import type { z } from "zod";
import type { apiTokenSchema } from "../../common/admin.ts";
import { useApiTokens, useRevokeApiToken } from "../api/admin.ts";
import { useT } from "../i18n/use-t.ts";
import { Dialog } from "../ui/Dialog.tsx";
import { formatDateTime } from "../ui/format.ts";
import { QueryView } from "../ui/QueryView.tsx";
import { ScrollTable } from "../ui/ScrollTable.tsx";
import { useDocumentTitle } from "../ui/use-document-title.ts";
import { ConfirmDelete } from "./ConfirmDelete.tsx";
import { NewTokenForm, scopeLabel } from "./NewTokenForm.tsx";

type ApiToken = z.infer<typeof apiTokenSchema>;

function tokenState(t: ReturnType<typeof useT>, token: ApiToken): { label: string; color: string } {
  if (token.revoked) return { label: t("admin.apiTokens.state.revoked"), color: "gray" };
  if (token.expiresAt && Date.parse(token.expiresAt) <= Date.now()) {
    return { label: t("admin.apiTokens.state.expired"), color: "gray" };
  }
  return { label: t("admin.users.status.active"), color: "green" };
}

export function ApiTokensScene() {
  const t = useT();
  useDocumentTitle(t("admin.apiTokens.title"));
  const tokens = useApiTokens();
  const revoke = useRevokeApiToken();
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<{ id: string; name: string } | null>(null);
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1}>{t("admin.apiTokens.title")}</Title>
        <Button onClick={() => setCreating(true)}>{t("admin.apiTokens.new")}</Button>
      </Group>
      <Text>
        {t.rich("admin.apiTokens.intro", {
          code: (chunks) => <code>{chunks}</code>,
          // Served by the server, outside the app's routes: a full page load.
          docs: (chunks) => (
            <Anchor href="/api/docs" underline="always">
              {chunks}
            </Anchor>
          ),
          openapi: (chunks) => <Anchor href="/api/openapi.json">{chunks}</Anchor>,
        })}
      </Text>
      <QueryView query={tokens} loading={t("admin.apiTokens.loading")}>
        {(data) =>
          data.tokens.length === 0 ? (
            <Text>{t("admin.apiTokens.empty")}</Text>
          ) : (
            <Paper withBorder radius="md">
              <ScrollTable minWidth={760} label={t("admin.apiTokens.title")}>
                <Table aria-label={t("admin.apiTokens.title")} verticalSpacing="sm">
                  <Table.Thead>
                    <Table.Tr>
                      {[
                        t("admin.form.name"),
                        t("admin.apiTokens.actsAs"),
                        t("admin.apiTokens.may"),
                        t("admin.apiTokens.created"),
                        t("admin.apiTokens.expires"),
                        t("admin.apiTokens.lastUsed"),
                        t("admin.users.status"),
                        t("admin.table.actions"),
                      ].map((h) => (
                        <Table.Th key={h} scope="col">
                          {h}
                        </Table.Th>
                      ))}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.tokens.map((token) => (
                      <Table.Tr key={token.id}>
                        <Table.Td>{token.name}</Table.Td>
                        <Table.Td>
                          <Text size="sm">{token.user.name}</Text>
                          <Text size="xs" c="dimmed">
                            {token.user.email}
                          </Text>
                        </Table.Td>
                        <Table.Td>{token.scopes.map((scope) => scopeLabel(t, scope)).join(", ")}</Table.Td>
                        <Table.Td>{formatDateTime(token.createdAt)}</Table.Td>
                        <Table.Td>
                          {token.expiresAt ? formatDateTime(token.expiresAt) : t("admin.apiTokens.never")}
                        </Table.Td>
                        <Table.Td>
                          {token.lastUsedAt ? formatDateTime(token.lastUsedAt) : t("admin.apiTokens.never")}
                        </Table.Td>
                        <Table.Td>
                          <Badge variant="dot" color={tokenState(t, token).color} c="dark.9">
                            {tokenState(t, token).label}
                          </Badge>
                        </Table.Td>
                        <Table.Td>
                          {!token.revoked && (
                            <Button
                              size="xs"
                              variant="default"
                              color="red"
                              aria-label={t("admin.apiTokens.revokeNamed", { name: token.name })}
                              onClick={() => setRevoking(token)}
                            >
                              {t("admin.apiTokens.revoke")}
                            </Button>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollTable>
            </Paper>
          )
        }
      </QueryView>
      <Dialog opened={creating} onClose={() => setCreating(false)} title={t("admin.apiTokens.new")}>
        {creating && <NewTokenForm onDone={() => setCreating(false)} />}
      </Dialog>
      <ConfirmDelete
        title={t("admin.apiTokens.revokeTitle", { name: revoking?.name ?? "" })}
        body={t("admin.apiTokens.revokeBody")}
        action={t("admin.apiTokens.revoke")}
        mutation={revoke}
        id={revoking?.id ?? null}
        onClose={() => setRevoking(null)}
      />
    </Stack>
  );
}
