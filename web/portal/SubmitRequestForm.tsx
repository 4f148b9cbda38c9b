import { Button, NativeSelect, Paper, Stack, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useNavigate } from "react-router";
import type { SessionUser } from "../../common/accounts.ts";
import { type Priority, priorities, ticketSubmissionSchema } from "../../common/tickets.ts";
import { useCategories } from "../api/catalog.ts";
import { ApiError } from "../api/client.ts";
import { useSubmitTicket } from "../api/tickets.ts";
import { useT } from "../i18n/use-t.ts";
import { useSuggestionToken, WithSuggestedArticles } from "../kb/SuggestedArticles.tsx";
import { categoryOptions as treeOptions } from "../ui/category-tree.ts";
import { Form } from "../ui/Form.tsx";
import { FormAlert } from "../ui/FormAlert.tsx";
import { fieldErrors } from "../ui/form-errors.ts";
import type { RequestSubmittedState } from "./RequestSubmittedScene.tsx";

type Values = { name: string; email: string; subject: string; priority: Priority; categoryId: string; message: string };
/** Top to bottom, so the first field with a problem is the one that gets focus. */
const fieldOrder = ["name", "email", "subject", "priority", "categoryId", "message"] as const;

export function SubmitRequestForm({ requester }: { requester: SessionUser | null }) {
  const t = useT();
  const priorityLabel: Record<Priority, string> = {
    low: t("portal.priority.low"),
    medium: t("portal.priority.medium"),
    high: t("portal.priority.high"),
    urgent: t("portal.priority.urgent"),
  };
  const priorityOptions = priorities.map((value) => ({ value, label: priorityLabel[value] }));
  const navigate = useNavigate();
  const categories = useCategories();
  const submit = useSubmitTicket();
  const suggestionToken = useSuggestionToken();
  const form = useForm<Values>({
    initialValues: {
      name: requester?.name ?? "",
      email: requester?.email ?? "",
      subject: "",
      priority: "medium",
      categoryId: "",
      message: "",
    },
    validate: (values) => fieldErrors(ticketSubmissionSchema, values),
  });

  const focusFirstError = (errors: Record<string, unknown>) => {
    const field = fieldOrder.find((name) => errors[name]);
    if (field) form.getInputNode(field)?.focus();
  };

  const handleSubmit = form.onSubmit((values) => {
    const parsed = ticketSubmissionSchema.safeParse(values);
    if (!parsed.success) return;
    submit.mutate(
      { ...parsed.data, kbSuggestionToken: suggestionToken },
      {
        onSuccess: (ticket) => {
          const state: RequestSubmittedState = { email: ticket.email };
          void navigate(`/requests/submitted/${ticket.number}`, { state });
        },
        onError: (error) => {
          if (error instanceof ApiError && error.code === "validation_failed") {
            form.setErrors(error.fields);
            focusFirstError(error.fields);
          }
        },
      },
    );
  }, focusFirstError);

  const categoryOptions = [
    { value: "", label: categories.isPending ? t("portal.form.loadingCategories") : t("portal.form.chooseCategory") },
    ...treeOptions(categories.data ?? []),
  ];
  const fromAccount = requester ? t("portal.form.fromAccount") : undefined;

  return (
    <WithSuggestedArticles token={suggestionToken} subject={form.values.subject}>
      <Paper withBorder radius="lg" p={{ base: "md", sm: "xl" }}>
        <Form onSubmit={handleSubmit} noValidate aria-label={t("portal.submit.title")}>
          <Stack gap="md">
            <TextInput
              label={t("portal.form.name")}
              autoComplete="name"
              readOnly={!!requester}
              variant={requester ? "filled" : "default"}
              description={fromAccount}
              {...form.getInputProps("name")}
            />
            <TextInput
              label={t("portal.form.email")}
              type="email"
              autoComplete="email"
              readOnly={!!requester}
              variant={requester ? "filled" : "default"}
              description={fromAccount}
              {...form.getInputProps("email")}
            />
            <TextInput label={t("portal.form.subject")} {...form.getInputProps("subject")} />
            <NativeSelect
              label={t("portal.form.priority")}
              data={priorityOptions}
              {...form.getInputProps("priority")}
            />
            <NativeSelect
              label={t("portal.form.category")}
              data={categoryOptions}
              description={categories.isError ? t("portal.form.categoriesFailed") : undefined}
              {...form.getInputProps("categoryId")}
            />
            <Textarea
              label={t("portal.form.message")}
              autosize
              minRows={6}
              maxRows={16}
              {...form.getInputProps("message")}
            />
            <FormAlert error={submit.error} shown={fieldOrder} title={t("portal.form.notSent")} />
            <Button
              type="submit"
              size="md"
              loading={submit.isPending}
              disabled={submit.isPending}
              style={{ alignSelf: "flex-start" }}
            >
              {t("portal.form.send")}
            </Button>
          </Stack>
        </Form>
      </Paper>
    </WithSuggestedArticles>
  );
}
