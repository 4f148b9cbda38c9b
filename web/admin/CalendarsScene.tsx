import {
  Badge,
  Button,
  Checkbox,
  Group,
  MultiSelect,
  Select,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { calendarsCollection } from "../../common/admin-collections.ts";
import {
  type Calendar,
  type CalendarInput,
  calendarInputSchema,
  type WorkingHours,
} from "../../common/service-levels.ts";
import { useGroups } from "../api/admin.ts";
import { useT } from "../i18n/use-t.ts";
import { Form } from "../ui/Form.tsx";
import { FormAlert } from "../ui/FormAlert.tsx";
import { fieldErrors } from "../ui/form-errors.ts";
import { AdminCollectionPage, type CollectionFormProps } from "./AdminCollectionPage.tsx";

/** Monday first, as people read a working week. */
const weekOrder = [1, 2, 3, 4, 5, 6, 0];

type Translate = ReturnType<typeof useT>;

/** A weekday's name (0 is Sunday) in the reader's language, from Intl: 7 January 2024 was a Sunday. */
function weekdayName(t: Translate, day: number, width: "long" | "short"): string {
  return t.intl.formatDate(Date.UTC(2024, 0, 7 + day), { weekday: width, timeZone: "UTC" });
}

function hoursSummary(t: Translate, hours: WorkingHours[]): string {
  if (!hours.length) return t("admin.calendars.noHours");
  return weekOrder
    .map((day) => {
      const spans = hours.filter((h) => h.day === day).map((h) => `${h.start}–${h.end}`);
      return spans.length ? `${weekdayName(t, day, "short")} ${spans.join(", ")}` : null;
    })
    .filter(Boolean)
    .join("; ");
}

export function CalendarsScene() {
  const t = useT();
  const groups = useGroups().data?.groups ?? [];
  const groupName = (id: string) => groups.find((g) => g.id === id)?.name ?? "";
  return (
    <AdminCollectionPage
      collection={calendarsCollection}
      intro={t("admin.calendars.intro")}
      minWidth={760}
      columns={[
        {
          header: t("admin.form.name"),
          cell: (c) => (
            <Group gap="xs">
              {c.name}
              {c.isDefault && (
                <Badge variant="light" color="blue">
                  {t("admin.calendars.default")}
                </Badge>
              )}
            </Group>
          ),
        },
        { header: t("admin.calendars.timeZone"), cell: (c) => c.timeZone },
        { header: t("admin.calendars.workingHours"), cell: (c) => hoursSummary(t, c.hours) },
        {
          header: t("admin.calendars.holidays"),
          cell: (c) => (c.holidays.length ? c.holidays.join(", ") : t("admin.calendars.none")),
        },
        {
          header: t("admin.users.groups"),
          cell: (c) => c.groupIds.map(groupName).join(", ") || t("admin.calendars.none"),
        },
      ]}
      name={(c) => c.name}
      deletable={(c) => !c.isDefault}
      dialogSize="lg"
      form={(p) => <CalendarForm {...p} groups={groups} />}
      confirmDelete={{
        title: (c) => t("admin.calendars.deleteTitle", { name: c.name }),
        body: t("admin.calendars.deleteBody"),
      }}
    />
  );
}

type DayRow = { day: number; working: boolean; start: string; end: string };
type FormValues = {
  name: string;
  timeZone: string;
  days: DayRow[];
  holidays: string;
  isDefault: boolean;
  groupIds: string[];
};

const timeZones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : ["UTC"];

function toInput(values: FormValues): CalendarInput {
  return {
    name: values.name,
    timeZone: values.timeZone,
    hours: values.days.filter((d) => d.working).map((d) => ({ day: d.day, start: d.start, end: d.end })),
    holidays: values.holidays
      .split(/[\s,]+/)
      .map((h) => h.trim())
      .filter(Boolean),
    isDefault: values.isDefault,
    groupIds: values.groupIds,
  };
}

function CalendarForm({
  item: calendar,
  submit,
  error,
  pending,
  groups,
}: CollectionFormProps<typeof calendarInputSchema, Calendar> & { groups: { id: string; name: string }[] }) {
  const t = useT();
  const form = useForm<FormValues>({
    initialValues: {
      name: calendar?.name ?? "",
      timeZone: calendar?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
      days: weekOrder.map((day) => {
        const hours = calendar
          ? calendar.hours.find((h) => h.day === day)
          : day >= 1 && day <= 5
            ? { start: "09:00", end: "17:00" }
            : undefined;
        return { day, working: !!hours, start: hours?.start ?? "09:00", end: hours?.end ?? "17:00" };
      }),
      holidays: calendar?.holidays.join("\n") ?? "",
      isDefault: calendar?.isDefault ?? false,
      groupIds: calendar?.groupIds ?? [],
    },
    validate: (values) => {
      const errors = fieldErrors(calendarInputSchema, toInput(values));
      // Hours are edited per day: show a problem with "hours.2.end" next to that day's row.
      const working = values.days.map((d, i) => ({ ...d, i })).filter((d) => d.working);
      return Object.fromEntries(
        Object.entries(errors).map(([field, message]) => {
          const match = /^hours\.(\d+)\.(\w+)$/.exec(field);
          const row = match ? working[Number(match[1])] : undefined;
          return [row && match ? `days.${row.i}.${match[2]}` : field, message];
        }),
      );
    },
  });
  return (
    <Form noValidate onSubmit={form.onSubmit((values) => submit(toInput(values), form.setErrors))}>
      <Stack gap="sm">
        <TextInput label={t("admin.form.name")} data-autofocus {...form.getInputProps("name")} />
        <Select
          label={t("admin.calendars.timeZone")}
          searchable
          allowDeselect={false}
          data={timeZones}
          {...form.getInputProps("timeZone")}
        />
        <Stack gap={6} role="group" aria-labelledby="working-hours-label">
          <Text fw={500} size="sm" id="working-hours-label">
            {t("admin.calendars.workingHours")}
          </Text>
          {form.values.days.map((d, i) => {
            const label = weekdayName(t, d.day, "long");
            return (
              <Group key={d.day} gap="sm" align="flex-start" wrap="nowrap">
                <Checkbox
                  label={label}
                  w={120}
                  mt={8}
                  {...form.getInputProps(`days.${i}.working`, { type: "checkbox" })}
                />
                <TextInput
                  type="time"
                  aria-label={t("admin.calendars.dayStarts", { day: label })}
                  disabled={!d.working}
                  {...form.getInputProps(`days.${i}.start`)}
                />
                <TextInput
                  type="time"
                  aria-label={t("admin.calendars.dayEnds", { day: label })}
                  disabled={!d.working}
                  {...form.getInputProps(`days.${i}.end`)}
                />
              </Group>
            );
          })}
        </Stack>
        <Textarea
          label={t("admin.calendars.holidays")}
          description={t("admin.calendars.holidaysHint")}
          autosize
          minRows={2}
          {...form.getInputProps("holidays")}
        />
        <MultiSelect
          label={t("admin.calendars.groups")}
          data={groups.map((g) => ({ value: g.id, label: g.name }))}
          searchable
          {...form.getInputProps("groupIds")}
        />
        <Switch
          label={t("admin.calendars.defaultCalendar")}
          description={t("admin.calendars.defaultHint")}
          disabled={calendar?.isDefault}
          {...form.getInputProps("isDefault", { type: "checkbox" })}
        />
        <FormAlert error={error} shown={Object.keys(calendarInputSchema.shape)} />
        <Group justify="flex-end">
          <Button type="submit" loading={pending}>
            {t("admin.calendars.save")}
          </Button>
        </Group>
      </Stack>
    </Form>
  );
}
