import { groupsCollection } from "../../common/admin-collections.ts";
import { AdminCollectionPage } from "./AdminCollectionPage.tsx";
import { NameForm } from "./NameForm.tsx";

export function GroupsScene() {
  return (
    <AdminCollectionPage
      collection={groupsCollection}
      intro="Groups gather agents who work together, such as a first-line team. Add people to a group on the Users page."
      empty="No groups yet."
      spacing="sm"
      columns={[
        { header: "Name", cell: (g) => g.name },
        { header: "Members", cell: (g) => g.memberCount },
      ]}
      name={(g) => g.name}
      editLabel="Rename"
      form={(p) => <NameForm {...p} initial={p.item?.name ?? ""} toInput={(name) => ({ name })} />}
      confirmDelete={{ title: (g) => `Delete group ${g.name}?`, body: "Its agents stay; only the group goes." }}
    />
  );
}
