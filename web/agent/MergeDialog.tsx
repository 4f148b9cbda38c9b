import { Button, Group, Stack, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { ApiError } from "../api/client.ts";
import { useMergeTicket } from "../api/links.ts";
import { useT } from "../i18n/use-t.ts";
import { Dialog } from "../ui/Dialog.tsx";
import { Form } from "../ui/Form.tsx";
import { FormAlert } from "../ui/FormAlert.tsx";

/** Merge this ticket, a duplicate, into another: says what will happen before it does it. */
export function MergeDialog({ number, opened, onClose }: { number: number; opened: boolean; onClose: () => void }) {
  const t = useT();
  return (
    <Dialog opened={opened} onClose={onClose} title={t("agent.merge.title", { number: String(number) })}>
      {opened && <MergeForm number={number} onDone={onClose} />}
    </Dialog>
  );
}

function MergeForm({ number, onDone }: { number: number; onDone: () => void }) {
  const t = useT();
  const merge = useMergeTicket(number);
  const [into, setInto] = useState("");
  const [fieldError, setFieldError] = useState<string | null>(null);
  const error = merge.error instanceof ApiError ? (merge.error.fields.into ?? null) : null;
  return (
    <Form
      aria-label={t("agent.merge.formLabel")}
      onSubmit={(e) => {
        e.preventDefault();
        const target = Number(into.replace(/^#/, ""));
        if (!Number.isInteger(target) || target < 1) {
          setFieldError(t("agent.common.enterTicketNumber"));
          return;
        }
        setFieldError(null);
        merge.mutate(target, { onSuccess: onDone });
      }}
    >
      <Stack gap="sm">
        <Text size="sm">{t("agent.merge.explained", { number: String(number) })}</Text>
        <TextInput
          label={t("agent.merge.into")}
          description={t("agent.merge.intoHint")}
          inputMode="numeric"
          value={into}
          onChange={(e) => setInto(e.currentTarget.value)}
          error={fieldError ?? error}
          data-autofocus
        />
        {!error && <FormAlert error={merge.error} shown={["into"]} />}
        <Group justify="flex-end">
          <Button type="submit" color="red" loading={merge.isPending}>
            {t("agent.merge.submit")}
          </Button>
        </Group>
      </Stack>
    </Form>
  );
}
