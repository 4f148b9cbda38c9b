import { Alert, Button, Divider, Group, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import type { AdminUser } from "../../common/admin.ts";
import { useAnonymiseUser, useDeleteUser } from "../api/admin.ts";
import { type Translate, useT } from "../i18n/use-t.ts";

type Step = "anonymise" | "delete" | null;

/** What each step does, said before it is done, and the button that does it. */
function confirmation(t: Translate, step: Exclude<Step, null>): { text: string; action: string } {
  return step === "anonymise"
    ? { text: t("admin.erasure.anonymiseText"), action: t("admin.erasure.anonymiseAction") }
    : { text: t("admin.erasure.deleteText"), action: t("admin.erasure.deleteAction") };
}

/**
 * Removing a person, below their edit form: delete an account no ticket needs, or anonymise someone (GDPR
 * erasure) and keep their tickets. Each asks once more, in place, and shows the server's refusal there.
 */
export function UserErasure({ user, onDone }: { user: AdminUser; onDone: () => void }) {
  const t = useT();
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
        {t("admin.erasure.title")}
      </Title>
      {step === null ? (
        <Group>
          <Button variant="default" color="red" onClick={() => choose("anonymise")}>
            {t("admin.erasure.anonymise")}
          </Button>
          <Button variant="default" color="red" onClick={() => choose("delete")}>
            {t("admin.erasure.delete")}
          </Button>
        </Group>
      ) : (
        <Stack gap="sm">
          <Text size="sm">{confirmation(t, step).text}</Text>
          {mutation.isError && <Alert color="red">{mutation.error.message}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => choose(null)}>
              {t("admin.dialog.cancel")}
            </Button>
            <Button
              color="red"
              loading={mutation.isPending}
              onClick={() => mutation.mutate(user.id, { onSuccess: onDone })}
            >
              {confirmation(t, step).action}
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
