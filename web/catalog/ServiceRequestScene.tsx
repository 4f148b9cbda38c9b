import { Alert, Anchor, Button, Paper, Select, Stack, Text, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { Link, useNavigate, useParams } from "react-router";
import type { ServiceDetail } from "../../common/catalog.ts";
import { fieldsSchema } from "../../common/fields.ts";
import { type Priority, priorities, ticketSubmissionSchema } from "../../common/tickets.ts";
import { useService, useSubmitWithAttachments } from "../api/catalog.ts";
import { ApiError } from "../api/client.ts";
import { useMaySubmit, useSession } from "../api/session.ts";
import { localizeSentence } from "../i18n/sentences.ts";
import { useT } from "../i18n/use-t.ts";
import { useSuggestionToken, WithSuggestedArticles } from "../kb/SuggestedArticles.tsx";
import { AttachmentDropzone } from "../ui/AttachmentDropzone.tsx";
import { attachmentsProblem } from "../ui/attachment-limits.ts";
import { Form } from "../ui/Form.tsx";
import { FormAlert } from "../ui/FormAlert.tsx";
import { fieldErrors } from "../ui/form-errors.ts";
import { LazyRichTextField as RichTextField } from "../ui/LazyRichTextField.tsx";
import { LoadingState } from "../ui/LoadingState.tsx";
import { useDocumentTitle } from "../ui/use-document-title.ts";
import { CustomFieldInput } from "./CustomFieldInput.tsx";

type Values = {
  subject: string;
  priority: Priority;
  message: string;
  messageText: string;
  name: string;
  email: string;
  fields: Record<string, unknown>;
  website: string;
  files: File[];
};

export function ServiceRequestScene() {
  const t = useT();
  const { slug = "" } = useParams();
  const service = useService(slug);
  useDocumentTitle(
    service.data ? t("catalog.request.title", { service: service.data.name }) : t("catalog.request.fallbackTitle"),
  );
  const maySubmit = useMaySubmit();
  if (service.isPending || maySubmit === undefined) return <LoadingState label={t("catalog.request.loading")} />;
  if (maySubmit === false) {
    return (
      <Stack gap="md" maw={640}>
        <Title order={1}>{service.data ? service.data.name : t("catalog.request.fallbackTitle")}</Title>
        <Alert color="gray" title={t("portal.submit.cannot")}>
          {t("portal.maySubmitNot")}
        </Alert>
      </Stack>
    );
  }
  if (service.isError) {
    return (
      <Stack gap="md" maw={640}>
        <Title order={1}>{t("catalog.service.notFound")}</Title>
        <Alert color="gray">{service.error.message}</Alert>
        <Anchor component={Link} to="/services">
          {t("catalog.allServices")}
        </Anchor>
      </Stack>
    );
  }
  return <ServiceRequestForm service={service.data} />;
}

/** The fields that show the server's sentences under themselves; custom fields are "fields.<key>". */
const shownFields = ["name", "email", "subject", "priority", "message", "fields", "attachments"];

function submissionOf(service: ServiceDetail, values: Values, kbSuggestionToken?: string) {
  return {
    ...(kbSuggestionToken ? { kbSuggestionToken } : {}),
    subject: values.subject,
    priority: values.priority,
    serviceId: service.id,
    message: values.message,
    messageFormat: "html" as const,
    name: values.name,
    email: values.email,
    fields: values.fields,
    ...(values.website ? { website: values.website } : {}),
  };
}

/** The same rules the server applies: the submission schema, the service's field schema, the file limits. */
function validate(service: ServiceDetail, values: Values, t: ReturnType<typeof useT>): Record<string, string> {
  const errors = fieldErrors(ticketSubmissionSchema, submissionOf(service, values));
  if (!values.messageText.trim()) errors.message = t("validation.describeNeed");
  const fields = fieldsSchema(service.fields, "customer", t).safeParse(values.fields);
  if (!fields.success)
    for (const issue of fields.error.issues)
      errors[`fields.${issue.path.join(".")}`] ??= localizeSentence(issue.message);
  const files = attachmentsProblem(values.files, t);
  if (files) errors.attachments = files;
  return errors;
}

function ServiceRequestForm({ service }: { service: ServiceDetail }) {
  const t = useT();
  const priorityLabel: Record<Priority, string> = {
    low: t("portal.priority.low"),
    medium: t("portal.priority.medium"),
    high: t("portal.priority.high"),
    urgent: t("portal.priority.urgent"),
  };
  const navigate = useNavigate();
  const user = useSession().data?.user;
  const submit = useSubmitWithAttachments();
  const form = useForm<Values>({
    initialValues: {
      subject: "",
      priority: service.defaultPriority,
      message: "",
      messageText: "",
      name: user?.name ?? "",
      email: user?.email ?? "",
      fields: {},
      website: "",
      files: [],
    },
    validate: (values) => validate(service, values, t),
  });

  const suggestionToken = useSuggestionToken();
  const onSubmit = form.onSubmit((values) => {
    const submission = ticketSubmissionSchema.parse(submissionOf(service, values, suggestionToken));
    submit.mutate(
      { submission, files: values.files },
      {
        onSuccess: (result) => navigate(`/requests/submitted/${result.number}`, { state: { email: result.email } }),
        onError: (error) => {
          if (error instanceof ApiError) form.setErrors(error.fields);
        },
      },
    );
  });

  return (
    <Stack gap="md" maw={1080}>
      <Anchor component={Link} to={`/services/${service.slug}`} size="sm">
        {t("catalog.request.back", { service: service.name })}
      </Anchor>
      <Title order={1}>{t("catalog.request.title", { service: service.name })}</Title>
      {!user && service.visibility === "public" && (
        <Text>
          {t.rich("catalog.request.guestIntro", {
            signin: (chunks) => (
              <Anchor component={Link} to="/sign-in">
                {chunks}
              </Anchor>
            ),
          })}
        </Text>
      )}
      <WithSuggestedArticles token={suggestionToken} subject={form.values.subject}>
        <Paper withBorder radius="lg" p={{ base: "md", sm: "xl" }}>
          <Form onSubmit={onSubmit} noValidate aria-label={t("catalog.request.title", { service: service.name })}>
            <Stack gap="md">
              {!user && (
                <>
                  <TextInput label={t("portal.form.name")} autoComplete="name" {...form.getInputProps("name")} />
                  <TextInput
                    label={t("portal.form.email")}
                    type="email"
                    autoComplete="email"
                    {...form.getInputProps("email")}
                  />
                </>
              )}
              <TextInput label={t("portal.form.subject")} {...form.getInputProps("subject")} />
              <Select
                label={t("portal.form.priority")}
                data={priorities.map((p) => ({ value: p, label: priorityLabel[p] }))}
                allowDeselect={false}
                {...form.getInputProps("priority")}
              />
              {service.fields.map((field) => (
                <CustomFieldInput
                  key={field.key}
                  field={field}
                  value={form.values.fields[field.key]}
                  error={form.errors[`fields.${field.key}`]?.toString()}
                  onChange={(value) => form.setFieldValue("fields", { ...form.values.fields, [field.key]: value })}
                />
              ))}
              <RichTextField
                label={t("portal.form.message")}
                error={form.errors.message?.toString()}
                onChange={(html, text) => form.setValues({ message: html, messageText: text })}
              />
              <AttachmentDropzone
                label={t("catalog.request.attachments")}
                description={t("catalog.request.attachmentsHint")}
                files={form.values.files}
                onChange={(files) => form.setFieldValue("files", files)}
                error={form.errors.attachments?.toString()}
              />
              {/* Hidden from people; software that fills in every field fills this one too. */}
              <div aria-hidden="true" style={{ position: "absolute", left: "-10000px" }}>
                <label>
                  {t("catalog.request.honeypot")}
                  <input tabIndex={-1} autoComplete="off" {...form.getInputProps("website")} />
                </label>
              </div>
              <FormAlert error={submit.error} shown={shownFields} title={t("portal.form.notSent")} />
              <Button type="submit" loading={submit.isPending}>
                {t("portal.form.send")}
              </Button>
            </Stack>
          </Form>
        </Paper>
      </WithSuggestedArticles>
    </Stack>
  );
}
