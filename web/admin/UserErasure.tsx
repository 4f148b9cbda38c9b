import { Alert, Button, Divider, Group, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import type { AdminUser } from "../../common/admin.ts";
import { useAnonymiseUser, useDeleteUser } from "../api/admin.ts";

type Step = "anonymise" | "delete" | null;

const confirmations: Record<Exclude<Step, null>, { text: string; action: string }> = {
  anonymise: {
    text: "Their name and email address are replaced by a placeholder everywhere, they are signed out and can never sign in again, and their alerts, API tokens and copies on requests are removed. Their tickets stay, for the agents. This cannot be undone.",
    action: "Anonymise for good",
  },
  delete: {
    text: "The account is removed. Only possible for someone without tickets: anyone else is anonymised instead.",
    action: "Delete for good",
  },
};

/**
 * Removing a person, below their edit form: delete an account no ticket needs, or anonymise someone (GDPR
 * erasure) and keep their tickets. Each asks once more, in place, and shows the server's refusal there.
 */
export function UserErasure({ user, onDone }: { user: AdminUser; onDone: () => void }) {
  const anonymise = useAnonymiseUser();
  const remove = useDeleteUser();
  const [step, setStep] = useState<Step>(null);
  if (user.anonymised) return null;
  const mutation = step === "delete" ? remove : anonymise;
  const choose = (next: Step) => {
    anonymise.reset();
    remove.reset();
    setStep(next);
  };
  return (
    <Stack gap="sm" mt="lg" component="section" aria-labelledby="user-erasure-heading">
      <Divider />
      <Title order={2} size="h5" id="user-erasure-heading">
        Remove this person
      </Title>
      {step === null ? (
        <Group>
          <Button variant="default" color="red" onClick={() => choose("anonymise")}>
            Anonymise
          </Button>
          <Button variant="default" color="red" onClick={() => choose("delete")}>
            Delete
          </Button>
        </Group>
      ) : (
        <Stack gap="sm">
          <Text size="sm">{confirmations[step].text}</Text>
          {mutation.isError && <Alert color="red">{mutation.error.message}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => choose(null)}>
              Cancel
            </Button>
            <Button
              color="red"
              loading={mutation.isPending}
              onClick={() => mutation.mutate(user.id, { onSuccess: onDone })}
            >
              {confirmations[step].action}
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
