import { Kbd, Table } from "@mantine/core";
import { useT } from "../i18n/use-t.ts";
import { Dialog } from "../ui/Dialog.tsx";

type T = ReturnType<typeof useT>;

const listShortcuts = (t: T): [string, string][] => [
  ["j / k", t("agent.shortcuts.listNext")],
  [t("agent.shortcuts.enterOrO"), t("agent.shortcuts.open")],
  ["x", t("agent.shortcuts.select")],
  ["/", t("agent.common.searchAll")],
  ["c", t("agent.shortcuts.newTicket")],
];
const ticketShortcuts = (t: T): [string, string][] => [
  ["j / k", t("agent.shortcuts.ticketNext")],
  ["r", t("agent.shortcuts.reply")],
  ["n", t("agent.shortcuts.note")],
  ["a", t("agent.ticket.assignToMe")],
  ["e", t("agent.shortcuts.edit")],
  ["s", t("agent.shortcuts.status")],
  ["u", t("agent.shortcuts.back")],
  ["/", t("agent.common.searchAll")],
];

/** The "?" dialog: what each key does where the agent is. */
export function ShortcutHelp({ opened, onClose, on }: { opened: boolean; onClose: () => void; on: "list" | "ticket" }) {
  const t = useT();
  const rows = [...(on === "list" ? listShortcuts(t) : ticketShortcuts(t)), ["?", t("agent.shortcuts.help")]];
  return (
    <Dialog opened={opened} onClose={onClose} title={t("agent.shortcuts.title")}>
      <Table aria-label={t("agent.shortcuts.title")}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("agent.shortcuts.key")}</Table.Th>
            <Table.Th scope="col">{t("agent.shortcuts.does")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map(([key, what]) => (
            <Table.Tr key={key}>
              <Table.Td>
                <Kbd>{key}</Kbd>
              </Table.Td>
              <Table.Td>{what}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Dialog>
  );
}
