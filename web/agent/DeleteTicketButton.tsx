import { Alert, Button, Group, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useNavigate } from "react-router";
import { useDeleteTicket } from "../api/ticket-housekeeping.ts";
import { useT } from "../i18n/use-t.ts";
import { Dialog } from "../ui/Dialog.tsx";

/** Admins: delete the ticket, after a confirmation that says it can be restored until it is purged. */
export function DeleteTicketButton({ number }: { number: number }) {
  const t = useT();
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
        {t("agent.deleteTicket.button")}
      </Button>
      <Dialog opened={confirming} onClose={close} title={t("agent.deleteTicket.title", { number: String(number) })}>
        <Stack gap="md">
          <Text>{t("agent.deleteTicket.body")}</Text>
          {remove.isError && <Alert color="red">{remove.error.message}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t("agent.common.cancel")}
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={() => remove.mutate(undefined, { onSuccess: () => navigate("/agent/tickets") })}
            >
              {t("agent.deleteTicket.confirm")}
            </Button>
          </Group>
        </Stack>
      </Dialog>
    </>
  );
}
