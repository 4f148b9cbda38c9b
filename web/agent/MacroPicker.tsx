import { Button, Group, Select, Text } from "@mantine/core";
import { useState } from "react";
import { useApplyMacro, useMacros } from "../api/macros.ts";
import { useT } from "../i18n/use-t.ts";
import { type MacroEdit, MacroModal } from "./MacroModal.tsx";

/**
 * Choose a macro and apply it: the ticket gets the macro's status and
 * priority at once, and its text (placeholders filled) goes into the comment
 * for the agent to review and send.
 */
export function MacroPicker({ number, onInsert }: { number: number; onInsert: (html: string) => void }) {
  const t = useT();
  const macros = useMacros();
  const apply = useApplyMacro(number);
  const [macroId, setMacroId] = useState<string | null>(null);
  const [edit, setEdit] = useState<MacroEdit>(null);
  const list = macros.data?.macros ?? [];
  const chosen = list.find((m) => m.id === macroId);
  const group = (shared: boolean) =>
    list.filter((m) => m.shared === shared).map((m) => ({ value: m.id, label: m.name }));
  return (
    <Group align="flex-end" gap="xs">
      <Select
        label={t("agent.macro.label")}
        placeholder={list.length ? t("agent.macro.choose") : t("agent.macro.noneYet")}
        data={[
          { group: t("agent.macro.shared"), items: group(true) },
          { group: t("agent.macro.mine"), items: group(false) },
        ].filter((g) => g.items.length > 0)}
        value={macroId}
        onChange={setMacroId}
        searchable
        w={260}
      />
      <Button
        variant="default"
        disabled={!macroId}
        loading={apply.isPending}
        onClick={() =>
          macroId &&
          apply.mutate(macroId, {
            onSuccess: ({ body }) => {
              if (body) onInsert(body);
              setMacroId(null);
            },
          })
        }
      >
        {t("agent.macro.apply")}
      </Button>
      {chosen?.editable && (
        <Button variant="subtle" onClick={() => setEdit({ shared: chosen.shared, macro: chosen })}>
          {t("agent.macro.edit")}
        </Button>
      )}
      <Button variant="subtle" onClick={() => setEdit({ shared: false })}>
        {t("agent.macro.newPersonal")}
      </Button>
      {apply.isError && (
        <Text size="sm" c="red.9" role="alert">
          {apply.error.message}
        </Text>
      )}
      <MacroModal
        edit={edit}
        deletable
        onClose={() => {
          setEdit(null);
          // A deleted macro can no longer be the chosen one.
          if (edit?.macro) setMacroId(null);
        }}
      />
    </Group>
  );
}
