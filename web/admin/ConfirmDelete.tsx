import { Alert, Button, Group, Stack, Text } from "@mantine/core";
import type { UseMutationResult } from "@tanstack/react-query";
import { Dialog } from "../ui/Dialog.tsx";

/** "Delete X?" with the server's refusal shown in place when it says no (built-in, still in use…). */
export function ConfirmDelete({
  title,
  body,
  action = "Delete",
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
            Cancel
          </Button>
          <Button
            color="red"
            loading={mutation.isPending}
            onClick={() => id && mutation.mutate(id, { onSuccess: close })}
          >
            {action}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}
