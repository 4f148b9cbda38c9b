import type { ModalRootProps } from "@mantine/core";
import { Button, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import type { UseMutationResult } from "@tanstack/react-query";
import { type ReactNode, useId, useRef, useState } from "react";
import type { z } from "zod";
import type { AdminCollection } from "../../common/admin-collections.ts";
import { type AdminCollectionHandle, type AdminSave, useAdminCollection } from "../api/admin-collections.ts";
import { ApiError } from "../api/client.ts";
import { useT } from "../i18n/use-t.ts";
import { Dialog } from "../ui/Dialog.tsx";
import { QueryView } from "../ui/QueryView.tsx";
import { ScrollTable } from "../ui/ScrollTable.tsx";
import { useDocumentTitle } from "../ui/use-document-title.ts";
import { ConfirmDelete } from "./ConfirmDelete.tsx";
import { collectionLabels } from "./collection-labels.ts";
import { RowActions } from "./RowActions.tsx";

export type Column<Item> = { header: string; cell: (item: Item) => ReactNode };

/** What a scene's own buttons can do: open the dialog for a new or an existing entry, or ask to delete one. */
export type Controls<Input extends z.ZodType, Item> = {
  create: (title: string, preset?: Partial<z.input<Input>>) => void;
  edit: (item: Item, title?: string) => void;
  remove: (item: Item) => void;
};

/** What the create/edit dialog hands the scene's form: the entry (null: a new one) and how to save it. */
export type CollectionFormProps<Input extends z.ZodType, Item> = {
  item: Item | null;
  /** Every entry in the list, in order. */
  items: Item[];
  /** Values a "new" button chose for the entry (the account a department goes under…). */
  preset: Partial<z.input<Input>>;
  /** Saves the entry and closes the dialog; the server's sentences per field go to `showFieldErrors`. */
  submit: (input: z.input<Input>, showFieldErrors?: (errors: Record<string, string>) => void) => void;
  error: Error | null;
  pending: boolean;
};

/** A list with an "Actions" column that names each button after its row (see RowActions). */
export function AdminTable<Item extends { id: string }>({
  label,
  items,
  columns,
  actions,
  minWidth,
  spacing = "xs",
}: {
  label: string;
  items: Item[];
  columns: Column<Item>[];
  actions?: (item: Item) => ReactNode;
  minWidth?: number;
  spacing?: "xs" | "sm";
}) {
  const t = useT();
  const table = (
    <Table aria-label={label} verticalSpacing={spacing}>
      <Table.Thead>
        <Table.Tr>
          {columns.map((c) => (
            <Table.Th key={c.header} scope="col">
              {c.header}
            </Table.Th>
          ))}
          {actions && <Table.Th scope="col">{t("admin.table.actions")}</Table.Th>}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((item) => (
          <Table.Tr key={item.id}>
            {columns.map((c) => (
              <Table.Td key={c.header}>{c.cell(item)}</Table.Td>
            ))}
            {actions && <Table.Td>{actions(item)}</Table.Td>}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
  return (
    <Paper withBorder radius="md">
      <ScrollTable minWidth={minWidth ?? 0} label={label}>
        {table}
      </ScrollTable>
    </Paper>
  );
}

type SectionProps<Input extends z.ZodType, Item extends { id: string }> = {
  /** The page's text under the heading. */
  intro?: ReactNode;
  /** Shown instead of an empty table; without it the table shows with its headings only. */
  empty?: string;
  columns: Column<Item>[];
  /** The entry's name in buttons and dialog titles ("Edit Tier 1", "Delete group Tier 1?"). */
  name: (item: Item) => string;
  /** The edit button's word; "Rename" where the name is all there is to change. */
  editLabel?: string;
  /** Entries that cannot be deleted (the default calendar…) get no Delete button. */
  deletable?: (item: Item) => boolean;
  /** Buttons before Edit and Delete ("Add department"). */
  moreActions?: (item: Item, controls: Controls<Input, Item>) => ReactNode;
  /** Replaces the whole actions cell, for buttons that behave differently (a built-in role's Delete). */
  actions?: (item: Item, controls: Controls<Input, Item>) => ReactNode;
  /** Replaces the table, for collections that are not shown as one (accounts with their departments). */
  body?: (items: Item[], controls: Controls<Input, Item>) => ReactNode;
  form: (props: CollectionFormProps<Input, Item>) => ReactNode;
  dialogSize?: ModalRootProps["size"];
  /** What the "New" button presets (a top-level category has no parent). */
  newPreset?: Partial<z.input<Input>>;
  confirmDelete: { title: (item: Item) => string; body: string | ((item: Item) => string); action?: string };
  tableLabel?: string;
  minWidth?: number;
  spacing?: "xs" | "sm";
  /** More of the page after the list (the SLA clock's statuses, the automation log). */
  children?: ReactNode;
};

type Editing<Input extends z.ZodType, Item> = { item: Item | null; title: string; preset: Partial<z.input<Input>> };

/**
 * An admin page for a collection described in `common/admin-collections.ts`: heading and "New" button,
 * the list as a table, a dialog that creates or changes an entry with the scene's form, and a confirmed
 * delete that shows the server's refusal in place. Scenes give only what differs: columns, the form, texts.
 */
export function AdminCollectionPage<List, Input extends z.ZodType, Item extends { id: string }>({
  collection,
  ...props
}: SectionProps<Input, Item> & { collection: AdminCollection<List, Input, Item> }) {
  const labels = collectionLabels(useT(), collection);
  useDocumentTitle(labels.title);
  const handle = useAdminCollection(collection);
  return <AdminCollectionView level={1} labels={labels} handle={handle} {...props} />;
}

/** The same as a section of a page with several collections (the catalog's categories and services). */
export function AdminCollectionSection<List, Input extends z.ZodType, Item extends { id: string }>({
  collection,
  ...props
}: SectionProps<Input, Item> & { collection: AdminCollection<List, Input, Item> }) {
  const labels = collectionLabels(useT(), collection);
  const handle = useAdminCollection(collection);
  return <AdminCollectionView level={2} labels={labels} handle={handle} {...props} />;
}

function AdminCollectionView<Input extends z.ZodType, Item extends { id: string }>({
  level,
  labels,
  handle,
  intro,
  empty,
  columns,
  name,
  editLabel,
  deletable,
  moreActions,
  actions,
  body,
  form,
  dialogSize,
  newPreset = {},
  confirmDelete,
  tableLabel = labels.title,
  minWidth,
  spacing,
  children,
}: SectionProps<Input, Item> & {
  level: 1 | 2;
  labels: AdminCollection["labels"];
  handle: AdminCollectionHandle<Input, Item>;
}) {
  const t = useT();
  const { list, items, save, remove } = handle;
  const [editing, setEditing] = useState<Editing<Input, Item> | null>(null);
  const [deleting, setDeleting] = useState<Item | null>(null);
  const headingId = useId();
  const lastDeleting = useRef<Item | null>(null);
  if (deleting) lastDeleting.current = deleting;
  // The dialog fades out after closing; it keeps its last title meanwhile rather than showing an empty heading.
  const lastTitle = useRef("");
  if (editing) lastTitle.current = editing.title;

  const open = (next: Editing<Input, Item>) => {
    // A refusal shown last time must not greet the next entry.
    save.reset();
    setEditing(next);
  };
  const controls: Controls<Input, Item> = {
    create: (title, preset = {}) => open({ item: null, title, preset }),
    edit: (item, title = t("admin.row.editNamed", { action: editLabel ?? t("admin.row.edit"), name: name(item) })) =>
      open({ item, title, preset: {} }),
    remove: setDeleting,
  };
  const rowActions = (item: Item) =>
    actions ? (
      actions(item, controls)
    ) : (
      <Group gap="xs" wrap="nowrap">
        {moreActions?.(item, controls)}
        <RowActions
          name={name(item)}
          editLabel={editLabel}
          onEdit={() => controls.edit(item)}
          {...(deletable && !deletable(item) ? {} : { onDelete: () => setDeleting(item) })}
        />
      </Group>
    );

  return (
    <Stack
      gap={level === 1 ? "md" : "sm"}
      {...(level === 2 ? { component: "section", "aria-labelledby": headingId } : {})}
    >
      <Group justify="space-between">
        <Title order={level} {...(level === 2 ? { size: "h3", id: headingId } : {})}>
          {labels.title}
        </Title>
        <Button onClick={() => controls.create(labels.newItem, newPreset)}>{labels.newItem}</Button>
      </Group>
      {intro && (typeof intro === "string" ? <Text>{intro}</Text> : intro)}
      <QueryView query={list} loading={labels.loading}>
        {() =>
          body ? (
            body(items, controls)
          ) : empty && items.length === 0 ? (
            <Text>{empty}</Text>
          ) : (
            <AdminTable
              label={tableLabel}
              items={items}
              columns={columns}
              actions={rowActions}
              minWidth={minWidth}
              spacing={spacing}
            />
          )
        }
      </QueryView>
      {children}
      <Dialog opened={editing !== null} onClose={() => setEditing(null)} title={lastTitle.current} size={dialogSize}>
        {editing && (
          <EntryForm
            key={`${editing.title}:${editing.item?.id ?? ""}`}
            editing={editing}
            items={items}
            save={save}
            form={form}
            onDone={() => setEditing(null)}
          />
        )}
      </Dialog>
      <ConfirmDelete
        title={lastDeleting.current ? confirmDelete.title(lastDeleting.current) : ""}
        body={
          typeof confirmDelete.body === "string"
            ? confirmDelete.body
            : lastDeleting.current
              ? confirmDelete.body(lastDeleting.current)
              : ""
        }
        action={confirmDelete.action}
        mutation={remove}
        id={deleting?.id ?? null}
        onClose={() => setDeleting(null)}
      />
    </Stack>
  );
}

/** Keyed per entry opened, so each gets a fresh form. */
function EntryForm<Input extends z.ZodType, Item extends { id: string }>({
  editing,
  items,
  save,
  form,
  onDone,
}: {
  editing: Editing<Input, Item>;
  items: Item[];
  save: UseMutationResult<void, Error, AdminSave<Input>>;
  form: (props: CollectionFormProps<Input, Item>) => ReactNode;
  onDone: () => void;
}) {
  const submit: CollectionFormProps<Input, Item>["submit"] = (input, showFieldErrors) =>
    save.mutate(
      { id: editing.item?.id, input },
      {
        onSuccess: onDone,
        onError: (error) => {
          if (error instanceof ApiError && Object.keys(error.fields).length) showFieldErrors?.(error.fields);
        },
      },
    );
  return form({
    item: editing.item,
    items,
    preset: editing.preset,
    submit,
    error: save.error,
    pending: save.isPending,
  });
}
