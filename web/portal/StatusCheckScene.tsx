import { Alert, Anchor, Button, NumberInput, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { Link, useSearchParams } from "react-router";
import { statusCheckSchema } from "../../common/accounts.ts";
import { CenteredPage } from "../account/CenteredPage.tsx";
import { useStatusCheck } from "../api/accounts.ts";
import { ApiError } from "../api/client.ts";
import { FormAlert } from "../ui/FormAlert.tsx";
import { fieldErrors } from "../ui/form-errors.ts";
import { useDocumentTitle } from "../ui/use-document-title.ts";

/** Seed 000: email + ticket number, and an access link arrives by mail. */
export function StatusCheckScene() {
  useDocumentTitle("Check ticket status");
  const check = useStatusCheck();
  // The confirmation page's "Copy link" for guests points here with the ticket number filled in.
  const [params] = useSearchParams();
  const linkedNumber = /^[1-9]\d{0,9}$/.test(params.get("number") ?? "") ? Number(params.get("number")) : "";
  const form = useForm<{ email: string; number: string | number }>({
    initialValues: { email: "", number: linkedNumber },
    validate: (values) => fieldErrors(statusCheckSchema, values),
  });
  return (
    <CenteredPage
      title="Check ticket status"
      below={
        <Text size="sm">
          Have an account?{" "}
          <Anchor component={Link} to="/sign-in" underline="always">
            Sign in
          </Anchor>{" "}
          to see all your requests.
        </Text>
      }
    >
      {check.isSuccess ? (
        <Alert color="green" title="Check your email" role="status">
          {check.data.message}
        </Alert>
      ) : (
        <form
          aria-label="Check ticket status"
          noValidate
          onSubmit={form.onSubmit((values) =>
            check.mutate(statusCheckSchema.parse(values), {
              onError: (error) => {
                if (error instanceof ApiError) form.setErrors(error.fields);
              },
            }),
          )}
        >
          <Stack gap="md">
            <Text size="sm">
              Enter the email address you used and the ticket number from your confirmation. We mail a link that opens
              the ticket.
            </Text>
            <TextInput label="Email" type="email" autoComplete="email" {...form.getInputProps("email")} />
            <NumberInput
              label="Ticket number"
              allowDecimal={false}
              allowNegative={false}
              hideControls
              {...form.getInputProps("number")}
            />
            <FormAlert error={check.error} shown={["email", "number"]} title="No link was sent" />
            <Button type="submit" loading={check.isPending}>
              Send access link
            </Button>
          </Stack>
        </form>
      )}
    </CenteredPage>
  );
}
