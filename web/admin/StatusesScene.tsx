import { Button, Checkbox, Group, NumberInput, Select, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import type { z } from "zod";
import { statusesCollection } from "../../common/admin-collections.ts";
import { type adminStatusSchema, type StatusInput, statusInputSchema } from "../../common/statuses.ts";
import { type StatusCategory, statusCategories } from "../../common/tickets.ts";
import { useT } from "../i18n/use-t.ts";
import { Form } from "../ui/Form.tsx";
import { FormAlert } from "../ui/FormAlert.tsx";
import { fieldErrors } from "../ui/form-errors.ts";
import { StatusBadge } from "../ui/TicketBadges.tsx";
import { AdminCollectionPage, type CollectionFormProps } from "./AdminCollectionPage.tsx";
import { TranslationsButton } from "./TranslationsDialog.tsx";

type Status = z.infer<typeof adminStatusSchema>;

type Translate = ReturnType<typeof useT>;

/** A category with what it does, in the reader's language. */
function categoryLabel(t: Translate, category: StatusCategory): string {
  const labels: Record<StatusCategory, string> = {
    new: t("admin.statuses.category.new"),
    open: t("admin.statuses.category.open"),
    pending: t("admin.statuses.category.pending"),
    on_hold: t("admin.statuses.category.onHold"),
    solved: t("admin.statuses.category.solved"),
    closed: t("admin.statuses.category.closed"),
    cancelled: t("admin.statuses.category.cancelled"),
  };
  return labels[category];
}

export function StatusesScene() {
  const t = useT();
  return (
    <AdminCollectionPage
      collection={statusesCollection}
      intro={t("admin.statuses.intro")}
      minWidth={720}
      columns={[
        {
          header: t("admin.statuses.agentsSee"),
          cell: (s) => <StatusBadge label={s.agentLabel} category={s.category} />,
        },
        { header: t("admin.statuses.customersSee"), cell: (s) => s.customerLabel },
        {
          header: t("admin.statuses.category"),
          cell: (s) => (
            <>
              {categoryLabel(t, s.category)}
              {s.customersMayReopen && (
                <Text size="sm" c="dimmed">
                  {t("admin.statuses.mayReopen")}
                </Text>
              )}
            </>
          ),
        },
        {
          header: t("admin.statuses.tickets"),
          cell: (s) => (
            <>
              {s.ticketCount}
              {s.dependents.length > 0 && (
                <Text size="sm" c="dimmed">
                  {t("admin.statuses.neededBy", { list: s.dependents.join("; ") })}
                </Text>
              )}
            </>
          ),
        },
      ]}
      name={(s) => s.agentLabel}
      moreActions={(s) => <TranslationsButton kind="status" id={s.id} name={s.agentLabel} defaults={s} />}
      form={(p) => <StatusForm {...p} />}
      confirmDelete={{
        title: (s) => t("admin.statuses.deleteTitle", { name: s.agentLabel }),
        body: (s) =>
          s.dependents.length
            ? t("admin.statuses.deleteLast", { list: s.dependents.join("; ") })
            : t("admin.statuses.deleteBody"),
      }}
    />
  );
}

function StatusForm({ item: status, submit, error, pending }: CollectionFormProps<typeof statusInputSchema, Status>) {
  const t = useT();
  const form = useForm<StatusInput>({
    initialValues: {
      agentLabel: status?.agentLabel ?? "",
      customerLabel: status?.customerLabel ?? "",
      category: status?.category ?? "open",
      position: status?.position ?? 0,
      customersMayReopen: status?.customersMayReopen ?? false,
    },
    validate: (values) => fieldErrors(statusInputSchema, values),
  });
  return (
    <Form noValidate onSubmit={form.onSubmit((values) => submit(values, form.setErrors))}>
      <Stack gap="sm">
        <TextInput label={t("admin.statuses.agentLabel")} data-autofocus {...form.getInputProps("agentLabel")} />
        <TextInput label={t("admin.statuses.customerLabel")} {...form.getInputProps("customerLabel")} />
        <Select
          label={t("admin.statuses.category")}
          allowDeselect={false}
          data={statusCategories.map((c) => ({ value: c, label: categoryLabel(t, c) }))}
          {...form.getInputProps("category")}
        />
        {form.values.category === "closed" && (
          <Checkbox
            label={t("admin.statuses.mayReopen")}
            description={t("admin.statuses.mayReopenHint")}
            {...form.getInputProps("customersMayReopen", { type: "checkbox" })}
          />
        )}
        <NumberInput
          label={t("admin.statuses.position")}
          description={t("admin.statuses.positionHint")}
          min={0}
          {...form.getInputProps("position")}
        />
        <FormAlert error={error} shown={Object.keys(statusInputSchema.shape)} />
        <Group justify="flex-end">
          <Button type="submit" loading={pending}>
            {t("admin.statuses.save")}
          </Button>
        </Group>
      </Stack>
    </Form>
  );
}
