import { Button, Group, Stack, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { ApiError } from "../api/client.ts";
import { useMergeTicket } from "../api/links.ts";
import { Dialog } from "../ui/Dialog.tsx";
import { FormAlert } from "../ui/FormAlert.tsx";

/** Merge this ticket, a duplicate, into another: says what will happen before it does it. */
export function MergeDialog({ number, opened, onClose }: { number: number; opened: boolean; onClose: () => void }) {
  return (
    <Dialog opened={opened} onClose={onClose} title={`Merge #${number} into another ticket`}>
      {opened && <MergeForm number={number} onDone={onClose} />}
    </Dialog>
  );
}

function MergeForm({ number, onDone }: { number: number; onDone: () => void }) {
  const merge = useMergeTicket(number);
  const [into, setInto] = useState("");
  const [fieldError, setFieldError] = useState<string | null>(null);
  const error = merge.error instanceof ApiError ? (merge.error.fields.into ?? null) : null;
  return (
    <form
      aria-label="Merge"
      onSubmit={(e) => {
        e.preventDefault();
        const target = Number(into.replace(/^#/, ""));
        if (!Number.isInteger(target) || target < 1) {
          setFieldError("Enter a ticket number.");
          return;
        }
        setFieldError(null);
        merge.mutate(target, { onSuccess: onDone });
      }}
    >
      <Stack gap="sm">
        <Text size="sm">
          #{number} will be closed with a pointer to the other ticket, and its history stays readable. Its requester and
          CCs are copied on the other ticket, and the requester gets an email saying where the request continues.
        </Text>
        <TextInput
          label="Ticket to merge into"
          description="Its number, like 42"
          inputMode="numeric"
          value={into}
          onChange={(e) => setInto(e.currentTarget.value)}
          error={fieldError ?? error}
          data-autofocus
        />
        {!error && <FormAlert error={merge.error} shown={["into"]} />}
        <Group justify="flex-end">
          <Button type="submit" color="red" loading={merge.isPending}>
            Merge
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
