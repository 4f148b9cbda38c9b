import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { Link } from "react-router";
import { type Registration, registrationSchema } from "../../common/accounts.ts";
import { useRegister } from "../api/accounts.ts";
import { ApiError } from "../api/client.ts";
import { useT } from "../i18n/use-t.ts";
import { Form } from "../ui/Form.tsx";
import { FormAlert } from "../ui/FormAlert.tsx";
import { fieldErrors } from "../ui/form-errors.ts";
import { useDocumentTitle } from "../ui/use-document-title.ts";
import { CenteredPage } from "./CenteredPage.tsx";

export function RegisterScene() {
  const t = useT();
  useDocumentTitle(t("account.register.title"));
  const register = useRegister();
  const form = useForm<Registration>({
    initialValues: { name: "", email: "", password: "" },
    validate: (values) => fieldErrors(registrationSchema, values),
  });
  const handleSubmit = form.onSubmit((values) => {
    register.mutate(registrationSchema.parse(values), {
      onError: (error) => {
        if (error instanceof ApiError) form.setErrors(error.fields);
      },
    });
  });

  return (
    <CenteredPage
      title={t("account.register.title")}
      below={
        <Text size="sm">
          {t.rich("account.register.already", {
            signin: (chunks) => (
              <Anchor component={Link} to="/sign-in" underline="always">
                {chunks}
              </Anchor>
            ),
          })}
        </Text>
      }
    >
      {register.isSuccess ? (
        <Alert color="green" title={t("account.register.almostDone")} role="status">
          {register.data.message}
        </Alert>
      ) : (
        <Form onSubmit={handleSubmit} noValidate aria-label={t("account.register.title")}>
          <Stack gap="md">
            <Text size="sm">{t("account.register.intro")}</Text>
            <TextInput label={t("account.form.name")} autoComplete="name" {...form.getInputProps("name")} />
            <TextInput
              label={t("account.form.email")}
              type="email"
              autoComplete="email"
              {...form.getInputProps("email")}
            />
            <PasswordInput
              label={t("account.form.password")}
              description={t("account.form.passwordHint")}
              autoComplete="new-password"
              {...form.getInputProps("password")}
            />
            <FormAlert
              error={register.error}
              shown={["name", "email", "password"]}
              title={t("account.register.failed")}
            />
            <Button type="submit" loading={register.isPending}>
              {t("account.register.submit")}
            </Button>
          </Stack>
        </Form>
      )}
    </CenteredPage>
  );
}
