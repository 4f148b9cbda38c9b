import { withdrawReasonsCollection } from "../../common/admin-collections.ts";
import { AdminCollectionPage } from "./AdminCollectionPage.tsx";
import { NameForm } from "./NameForm.tsx";
import { TranslationsButton } from "./TranslationsDialog.tsx";

const reasonField = { key: "label", label: "Reason" } as const;

export function WithdrawReasonsScene() {
  return (
    <AdminCollectionPage
      collection={withdrawReasonsCollection}
      intro="Requesters choose one of these when they withdraw a request; it shows in the ticket's Feed."
      columns={[{ header: "Reason", cell: (r) => r.label }]}
      name={(r) => r.label}
      moreActions={(r) => <TranslationsButton kind="withdraw-reason" id={r.id} name={r.label} defaults={r} />}
      form={(p) => (
        <NameForm
          {...p}
          field={reasonField}
          initial={p.item?.label ?? ""}
          // A reason keeps its place in the list; a new one goes first, as before.
          toInput={(label) => ({ label, ...(p.item ? { position: p.items.indexOf(p.item) } : {}) })}
        />
      )}
      confirmDelete={{
        title: (r) => `Remove "${r.label}"?`,
        body: "Withdrawn requests keep the reason they were given.",
        action: "Remove",
      }}
    />
  );
}
