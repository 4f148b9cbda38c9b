import { Alert, Stack, Text, Title } from "@mantine/core";
import { maySubmitNot, useMaySubmit, useSession } from "../api/session.ts";
import { LoadingState } from "../ui/LoadingState.tsx";
import { useDocumentTitle } from "../ui/use-document-title.ts";
import { SubmitRequestForm } from "./SubmitRequestForm.tsx";

export function SubmitRequestScene() {
  useDocumentTitle("Submit a request");
  const session = useSession();
  const maySubmit = useMaySubmit();
  return (
    <Stack gap="md" maw={960} mx="auto">
      <Title order={1}>Submit a request</Title>
      <Text>Describe what you need and we will get back to you by email. Every field is required.</Text>
      {/* Wait for the session so a signed-in person's name and email start filled in. */}
      {session.isPending ? (
        <LoadingState label="Loading the form" />
      ) : maySubmit === false ? (
        <Alert color="gray" title="You cannot submit requests">
          {maySubmitNot}
        </Alert>
      ) : (
        <SubmitRequestForm requester={session.data?.user ?? null} />
      )}
    </Stack>
  );
}
