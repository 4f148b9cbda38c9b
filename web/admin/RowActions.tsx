import { Button, Group } from "@mantine/core";
import { useT } from "../i18n/use-t.ts";

/** The buttons at the end of an admin table row, named after the row so screen readers tell them apart. */
export function RowActions({
  name,
  editLabel,
  onEdit,
  onDelete,
}: {
  name: string;
  editLabel?: string;
  onEdit: () => void;
  onDelete?: () => void;
}) {
  const t = useT();
  const edit = editLabel ?? t("admin.row.edit");
  return (
    <Group gap="xs" wrap="nowrap">
      <Button
        size="xs"
        variant="default"
        aria-label={t("admin.row.editNamed", { action: edit, name })}
        onClick={onEdit}
      >
        {edit}
      </Button>
      {onDelete && (
        <Button
          size="xs"
          variant="default"
          color="red"
          aria-label={t("admin.row.deleteNamed", { name })}
          onClick={onDelete}
        >
          {t("admin.row.delete")}
        </Button>
      )}
    </Group>
  );
}
