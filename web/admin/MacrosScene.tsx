import { Button, Group, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import type { Macro } from "../../common/macros.ts";
import { priorityLabels } from "../../common/tickets.ts";
import { type MacroEdit, MacroModal } from "../agent/MacroModal.tsx";
import { useStatuses } from "../api/lifecycle.ts";
import { useDeleteMacro, useMacros } from "../api/macros.ts";
import { QueryView } from "../ui/QueryView.tsx";
import { useDocumentTitle } from "../ui/use-document-title.ts";
import { AdminTable } from "./AdminCollectionPage.tsx";
import { ConfirmDelete } from "./ConfirmDelete.tsx";
import { RowActions } from "./RowActions.tsx";

/** Shared macros: canned replies every agent can apply; agents keep their personal ones on the ticket page. */
export function MacrosScene() {
  useDocumentTitle("Macros");
  const macros = useMacros();
  const statuses = useStatuses();
  const remove = useDeleteMacro();
  const [edit, setEdit] = useState<MacroEdit>(null);
  const [deleting, setDeleting] = useState<Macro | null>(null);
  const statusLabel = (id: string | null) => statuses.data?.statuses.find((s) => s.id === id)?.agentLabel;
  const sets = (m: Macro) =>
    [
      m.statusId ? `Status: ${statusLabel(m.statusId) ?? "?"}` : null,
      m.priority ? `Priority: ${priorityLabels[m.priority]}` : null,
    ]
      .filter(Boolean)
      .join(", ") || "Nothing";
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1}>Macros</Title>
        <Button onClick={() => setEdit({ shared: true })}>New macro</Button>
      </Group>
      <Text>
        Shared macros are canned replies every agent can apply on a ticket: they insert text and set the status and
        priority. Agents add their own personal macros on the ticket page.
      </Text>
      <QueryView query={macros} loading="Loading macros">
        {(data) => {
          const shared = data.macros.filter((m) => m.shared);
          return shared.length === 0 ? (
            <Text>No shared macros yet.</Text>
          ) : (
            <AdminTable
              label="Shared macros"
              items={shared}
              columns={[
                { header: "Name", cell: (m) => m.name },
                { header: "Sets", cell: sets },
              ]}
              actions={(m) => (
                <RowActions
                  name={m.name}
                  onEdit={() => setEdit({ shared: true, macro: m })}
                  onDelete={() => setDeleting(m)}
                />
              )}
            />
          );
        }}
      </QueryView>
      <MacroModal edit={edit} onClose={() => setEdit(null)} />
      <ConfirmDelete
        title={`Delete "${deleting?.name ?? ""}"?`}
        body="Agents can no longer apply it. Tickets it was applied to keep their text and fields."
        mutation={remove}
        id={deleting?.id ?? null}
        onClose={() => setDeleting(null)}
      />
    </Stack>
  );
}
