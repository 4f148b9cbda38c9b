import { Alert, Button, Group, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useNavigate } from "react-router";
import { useDeleteTicket } from "../api/ticket-housekeeping.ts";
import { Dialog } from "../ui/Dialog.tsx";

/** Admins: delete the ticket, after a confirmation that says it can be restored until it is purged. */
export function DeleteTicketButton({ number }: { number: number }) {
  const [confirming, setConfirming] = useState(false);
  const remove = useDeleteTicket(number);
  const navigate = useNavigate();
  const close = () => {
    remove.reset();
    setConfirming(false);
  };
  return (
    <>
      <Button variant="default" color="red" onClick={() => setConfirming(true)}>
        Delete
      </Button>
      <Dialog opened={confirming} onClose={close} title={`Delete ticket #${number}?`}>
        <Stack gap="md">
          <Text>
            It leaves every queue, search and count, and the requester no longer sees it. An admin can restore it from
            Deleted tickets until the retention period ends; then it is removed for good.
          </Text>
          {remove.isError && <Alert color="red">{remove.error.message}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={() => remove.mutate(undefined, { onSuccess: () => navigate("/agent/tickets") })}
            >
              Delete ticket
            </Button>
          </Group>
        </Stack>
      </Dialog>
    </>
  );
}
