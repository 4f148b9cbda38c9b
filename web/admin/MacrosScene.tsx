import { Button, Group, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import type { Macro } from "../../common/macros.ts";
import type { Priority } from "../../common/tickets.ts";
import { type MacroEdit, MacroModal } from "../agent/MacroModal.tsx";
import { useStatuses } from "../api/lifecycle.ts";
import { useDeleteMacro, useMacros } from "../api/macros.ts";
import { useT } from "../i18n/use-t.ts";
import { QueryView } from "../ui/QueryView.tsx";
import { useDocumentTitle } from "../ui/use-document-title.ts";
import { AdminTable } from "./AdminCollectionPage.tsx";
import { ConfirmDelete } from "./ConfirmDelete.tsx";
import { RowActions } from "./RowActions.tsx";

/** Shared macros: canned replies every agent can apply; agents keep their personal ones on the ticket page. */
export function MacrosScene() {
  const t = useT();
  useDocumentTitle(t("admin.macros.title"));
  const priorityLabels: Record<Priority, string> = {
    low: t("portal.priority.low"),
    medium: t("portal.priority.medium"),
    high: t("portal.priority.high"),
    urgent: t("portal.priority.urgent"),
  };
  const macros = useMacros();
  const statuses = useStatuses();
  const remove = useDeleteMacro();
  const [edit, setEdit] = useState<MacroEdit>(null);
  const [deleting, setDeleting] = useState<Macro | null>(null);
  const statusLabel = (id: string | null) => statuses.data?.statuses.find((s) => s.id === id)?.agentLabel;
  const sets = (m: Macro) =>
    [
      m.statusId ? t("admin.macros.setsStatus", { status: statusLabel(m.statusId) ?? "?" }) : null,
      m.priority ? t("admin.macros.setsPriority", { priority: priorityLabels[m.priority] }) : null,
    ]
      .filter(Boolean)
      .join(", ") || t("admin.macros.setsNothing");
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1}>{t("admin.macros.title")}</Title>
        <Button onClick={() => setEdit({ shared: true })}>{t("admin.macros.new")}</Button>
      </Group>
      <Text>{t("admin.macros.intro")}</Text>
      <QueryView query={macros} loading={t("admin.macros.loading")}>
        {(data) => {
          const shared = data.macros.filter((m) => m.shared);
          return shared.length === 0 ? (
            <Text>{t("admin.macros.empty")}</Text>
          ) : (
            <AdminTable
              label={t("admin.macros.tableLabel")}
              items={shared}
              columns={[
                { header: t("admin.form.name"), cell: (m) => m.name },
                { header: t("admin.macros.sets"), cell: sets },
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
        title={t("admin.macros.deleteTitle", { name: deleting?.name ?? "" })}
        body={t("admin.macros.deleteBody")}
        mutation={remove}
        id={deleting?.id ?? null}
        onClose={() => setDeleting(null)}
      />
    </Stack>
  );
}
