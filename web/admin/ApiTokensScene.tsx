import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import type { z } from "zod";
import type { apiTokenSchema } from "../../common/admin.ts";
import { useApiTokens, useRevokeApiToken } from "../api/admin.ts";
import { Dialog } from "../ui/Dialog.tsx";
import { formatDateTime } from "../ui/format.ts";
import { QueryView } from "../ui/QueryView.tsx";
import { useDocumentTitle } from "../ui/use-document-title.ts";
import { ConfirmDelete } from "./ConfirmDelete.tsx";
import { NewTokenForm } from "./NewTokenForm.tsx";

type ApiToken = z.infer<typeof apiTokenSchema>;

function tokenState(token: ApiToken): { label: string; color: string } {
  if (token.revoked) return { label: "Revoked", color: "gray" };
  if (token.expiresAt && Date.parse(token.expiresAt) <= Date.now()) return { label: "Expired", color: "gray" };
  return { label: "Active", color: "green" };
}

export function ApiTokensScene() {
  useDocumentTitle("API tokens");
  const tokens = useApiTokens();
  const revoke = useRevokeApiToken();
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<{ id: string; name: string } | null>(null);
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1}>API tokens</Title>
        <Button onClick={() => setCreating(true)}>New token</Button>
      </Group>
      <Text>
        Integrations send a token as <code>Authorization: Bearer …</code> and act as the user it belongs to, within the
        token's scopes (read, write, admin) and until it expires. Every operation is described in the{" "}
        {/* Served by the server, outside the app's routes: a full page load. */}
        <Anchor href="/api/docs" underline="always">
          API reference
        </Anchor>{" "}
        (OpenAPI document: <Anchor href="/api/openapi.json">/api/openapi.json</Anchor>).
      </Text>
      <QueryView query={tokens} loading="Loading tokens">
        {(data) =>
          data.tokens.length === 0 ? (
            <Text>No tokens yet.</Text>
          ) : (
            <Paper withBorder radius="md">
              <Table.ScrollContainer minWidth={760} type="native">
                <Table aria-label="API tokens" verticalSpacing="sm">
                  <Table.Thead>
                    <Table.Tr>
                      {["Name", "Acts as", "May", "Created", "Expires", "Last used", "Status", "Actions"].map((h) => (
                        <Table.Th key={h} scope="col">
                          {h}
                        </Table.Th>
                      ))}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.tokens.map((t) => (
                      <Table.Tr key={t.id}>
                        <Table.Td>{t.name}</Table.Td>
                        <Table.Td>
                          <Text size="sm">{t.user.name}</Text>
                          <Text size="xs" c="dimmed" style={{ overflowWrap: "anywhere" }}>
                            {t.user.email}
                          </Text>
                        </Table.Td>
                        <Table.Td>{t.scopes.join(", ")}</Table.Td>
                        <Table.Td>{formatDateTime(t.createdAt)}</Table.Td>
                        <Table.Td>{t.expiresAt ? formatDateTime(t.expiresAt) : "Never"}</Table.Td>
                        <Table.Td>{t.lastUsedAt ? formatDateTime(t.lastUsedAt) : "Never"}</Table.Td>
                        <Table.Td>
                          <Badge variant="dot" color={tokenState(t).color} c="dark.9">
                            {tokenState(t).label}
                          </Badge>
                        </Table.Td>
                        <Table.Td>
                          {!t.revoked && (
                            <Button
                              size="xs"
                              variant="default"
                              color="red"
                              aria-label={`Revoke ${t.name}`}
                              onClick={() => setRevoking(t)}
                            >
                              Revoke
                            </Button>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Paper>
          )
        }
      </QueryView>
      <Dialog opened={creating} onClose={() => setCreating(false)} title="New token">
        {creating && <NewTokenForm onDone={() => setCreating(false)} />}
      </Dialog>
      <ConfirmDelete
        title={`Revoke ${revoking?.name ?? ""}?`}
        body="Integrations using it stop working at once."
        action="Revoke"
        mutation={revoke}
        id={revoking?.id ?? null}
        onClose={() => setRevoking(null)}
      />
    </Stack>
  );
}
