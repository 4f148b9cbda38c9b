import "@mantine/dropzone/styles.css";
import { ActionIcon, Button, Group, Input, Stack, Text } from "@mantine/core";
import { Dropzone } from "@mantine/dropzone";
import { IconPaperclip, IconUpload, IconX } from "@tabler/icons-react";
import { useId, useRef } from "react";
import { useT } from "../i18n/use-t.ts";
import { formatFileSize } from "./format.ts";

/**
 * Files to send with a form: drop them on the zone or choose them with its button. The chosen files are
 * listed below, each with a way to take it back out; limits are checked by the form, like every other field.
 */
export function AttachmentDropzone({
  label,
  description,
  files,
  onChange,
  error,
}: {
  label: string;
  description: string;
  files: File[];
  onChange: (files: File[]) => void;
  error?: string | undefined;
}) {
  const t = useT();
  const openFiles = useRef<() => void>(null);
  const id = useId();
  return (
    <Stack gap={6} role="group" aria-labelledby={`${id}-label`} aria-describedby={`${id}-description`}>
      <div>
        <Input.Label id={`${id}-label`} labelElement="div">
          {label}
        </Input.Label>
        <Input.Description id={`${id}-description`}>{description}</Input.Description>
      </div>
      {/* Only the button opens the file picker, so the zone holds no control inside another control. */}
      <Dropzone
        openRef={openFiles}
        onDrop={(dropped: File[]) => onChange([...files, ...dropped])}
        activateOnClick={false}
        activateOnKeyboard={false}
        enablePointerEvents
        inputProps={{ "aria-label": label }}
        style={error ? { borderColor: "var(--mantine-color-error)" } : undefined}
        p="md"
      >
        <Group justify="center" gap="sm" wrap="wrap">
          <IconUpload size={22} stroke={1.5} aria-hidden="true" color="var(--mantine-color-gray-7)" />
          <Text size="sm">{t("requests.files.drag")}</Text>
          <Button variant="default" size="xs" onClick={() => openFiles.current?.()}>
            {t("requests.files.choose")}
          </Button>
        </Group>
      </Dropzone>
      {files.length > 0 && (
        <Stack
          gap={2}
          component="ul"
          aria-label={t("requests.files.chosen", { label })}
          style={{ listStyle: "none", padding: 0, margin: 0 }}
        >
          {files.map((file, index) => (
            <Group key={`${file.name}-${file.size}-${file.lastModified}`} component="li" gap="xs" wrap="nowrap">
              <IconPaperclip size={16} aria-hidden="true" />
              <Text size="sm">
                {file.name}{" "}
                <Text span size="xs" c="dimmed">
                  ({formatFileSize(file.size)})
                </Text>
              </Text>
              <ActionIcon
                variant="subtle"
                color="gray"
                size="sm"
                aria-label={t("requests.files.remove", { name: file.name })}
                onClick={() => onChange(files.filter((_, i) => i !== index))}
              >
                <IconX size={14} aria-hidden="true" />
              </ActionIcon>
            </Group>
          ))}
        </Stack>
      )}
      {error && <Input.Error role="alert">{error}</Input.Error>}
    </Stack>
  );
}
