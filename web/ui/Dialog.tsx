import { Modal, type ModalRootProps } from "@mantine/core";
import type { ReactNode } from "react";
import { useT } from "../i18n/use-t.ts";

/**
 * Mantine's Modal with two accessibility fixes: its header is a <div> (a
 * <header> inside a dialog counts as a second page banner), and its close
 * button has a name.
 */
export function Dialog({
  opened,
  onClose,
  title,
  size,
  returnFocus = true,
  children,
}: {
  opened: boolean;
  onClose: () => void;
  title: string;
  size?: ModalRootProps["size"];
  /**
   * Whether closing puts the focus back on what had it before (the button that opened the dialog). Off for a close
   * that has sent the reader on somewhere else: a dialog that inserts text closes with the focus in the editor.
   */
  returnFocus?: boolean;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <Modal.Root opened={opened} onClose={onClose} size={size} returnFocus={returnFocus}>
      <Modal.Overlay />
      <Modal.Content>
        <Modal.Header component="div">
          <Modal.Title>{title}</Modal.Title>
          <Modal.CloseButton aria-label={t("requests.dialog.close")} />
        </Modal.Header>
        <Modal.Body>{children}</Modal.Body>
      </Modal.Content>
    </Modal.Root>
  );
}
