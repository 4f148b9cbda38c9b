import { Kbd, Table } from "@mantine/core";
import { Dialog } from "../ui/Dialog.tsx";

const listShortcuts: [string, string][] = [
  ["j / k", "Next / previous ticket in the list"],
  ["Enter or o", "Open the ticket"],
  ["x", "Select or unselect the ticket"],
  ["/", "Search all tickets"],
  ["c", "New ticket (for a caller or visitor)"],
];
const ticketShortcuts: [string, string][] = [
  ["j / k", "Next / previous ticket of the last list"],
  ["r", "Reply (public)"],
  ["n", "Internal note"],
  ["a", "Assign to me"],
  ["e", "Edit the ticket"],
  ["s", "Change the status"],
  ["u", "Back to the list"],
  ["/", "Search all tickets"],
];

/** The "?" dialog: what each key does where the agent is. */
export function ShortcutHelp({ opened, onClose, on }: { opened: boolean; onClose: () => void; on: "list" | "ticket" }) {
  const rows = [...(on === "list" ? listShortcuts : ticketShortcuts), ["?", "Show this help"] as [string, string]];
  return (
    <Dialog opened={opened} onClose={onClose} title="Keyboard shortcuts">
      <Table aria-label="Keyboard shortcuts">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Key</Table.Th>
            <Table.Th scope="col">Does</Table.Th>
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
