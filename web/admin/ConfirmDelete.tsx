import { Alert, Button, Group, Stack, Text } from "@mantine/core";
import type { UseMutationResult } from "@tanstack/react-query";
import { useT } from "../i18n/use-t.ts";
import { Dialog } from "../ui/Dialog.tsx";

/** "Delete X?" with the server's refusal shown in place when it says no (built-in, still in use…). */
export function ConfirmDelete({
  title,
  body,
  action,
  mutation,
  id,
  onClose,
}: {
  title: string;
  body: string;
  action?: string;
  mutation: UseMutationResult<unknown, Error, string>;
  id: string | null;
  onClose: () => void;
}) {
  const t = useT();
  // A refusal shown last time must not greet the next entry.
  const close = () => {
    mutation.reset();
    onClose();
  };
  return (
    <Dialog opened={id !== null} onClose={close} title={title}>
      <Stack gap="md">
        <Text>{body}</Text>
        {mutation.isError && <Alert color="red">{mutation.error.message}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t("admin.dialog.cancel")}
          </Button>
          <Button
            color="red"
            loading={mutation.isPending}
            onClick={() => id && mutation.mutate(id, { onSuccess: close })}
          >
            {action ?? t("admin.row.delete")}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}
