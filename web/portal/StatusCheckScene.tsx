import { Alert, Anchor, Button, NumberInput, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { Link, useSearchParams } from "react-router";
import { statusCheckSchema } from "../../common/accounts.ts";
import { CenteredPage } from "../account/CenteredPage.tsx";
import { useStatusCheck } from "../api/accounts.ts";
import { ApiError } from "../api/client.ts";
import { localizeSentence } from "../i18n/sentences.ts";
import { useT } from "../i18n/use-t.ts";
import { Form } from "../ui/Form.tsx";
import { FormAlert } from "../ui/FormAlert.tsx";
import { fieldErrors } from "../ui/form-errors.ts";
import { useDocumentTitle } from "../ui/use-document-title.ts";

/** Seed 000: email + ticket number, and an access link arrives by mail. */
export function StatusCheckScene() {
  const t = useT();
  useDocumentTitle(t("portal.status.title"));
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
      title={t("portal.status.title")}
      below={
        <Text size="sm">
          {t.rich("portal.status.haveAccount", {
            signin: (chunks) => (
              <Anchor component={Link} to="/sign-in" underline="always">
                {chunks}
              </Anchor>
            ),
          })}
        </Text>
      }
    >
      {check.isSuccess ? (
        <Alert color="green" title={t("portal.status.checkEmail")} role="status">
          {localizeSentence(check.data.message)}
        </Alert>
      ) : (
        <Form
          aria-label={t("portal.status.title")}
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
            <Text size="sm">{t("portal.status.intro")}</Text>
            <TextInput
              label={t("portal.status.email")}
              type="email"
              autoComplete="email"
              {...form.getInputProps("email")}
            />
            <NumberInput
              label={t("portal.status.number")}
              allowDecimal={false}
              allowNegative={false}
              hideControls
              {...form.getInputProps("number")}
            />
            <FormAlert error={check.error} shown={["email", "number"]} title={t("portal.status.notSent")} />
            <Button type="submit" loading={check.isPending}>
              {t("portal.status.send")}
            </Button>
          </Stack>
        </Form>
      )}
    </CenteredPage>
  );
}
