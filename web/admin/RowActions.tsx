import { Button, Group } from "@mantine/core";

/** The buttons at the end of an admin table row, named after the row so screen readers tell them apart. */
export function RowActions({
  name,
  editLabel = "Edit",
  onEdit,
  onDelete,
}: {
  name: string;
  editLabel?: string;
  onEdit: () => void;
  onDelete?: () => void;
}) {
  return (
    <Group gap="xs" wrap="nowrap">
      <Button size="xs" variant="default" aria-label={`${editLabel} ${name}`} onClick={onEdit}>
        {editLabel}
      </Button>
      {onDelete && (
        <Button size="xs" variant="default" color="red" aria-label={`Delete ${name}`} onClick={onDelete}>
          Delete
        </Button>
      )}
    </Group>
  );
}
