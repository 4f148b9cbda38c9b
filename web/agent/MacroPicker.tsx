import { Button, Group, Select, Text } from "@mantine/core";
import { useState } from "react";
import { useApplyMacro, useMacros } from "../api/macros.ts";
import { type MacroEdit, MacroModal } from "./MacroModal.tsx";

/**
 * Choose a macro and apply it: the ticket gets the macro's status and
 * priority at once, and its text (placeholders filled) goes into the comment
 * for the agent to review and send.
 */
export function MacroPicker({ number, onInsert }: { number: number; onInsert: (html: string) => void }) {
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
        label="Macro"
        placeholder={list.length ? "Choose a macro" : "No macros yet"}
        data={[
          { group: "Shared", items: group(true) },
          { group: "Mine", items: group(false) },
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
        Apply macro
      </Button>
      {chosen?.editable && (
        <Button variant="subtle" onClick={() => setEdit({ shared: chosen.shared, macro: chosen })}>
          Edit macro
        </Button>
      )}
      <Button variant="subtle" onClick={() => setEdit({ shared: false })}>
        New personal macro
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
