import { withdrawReasonsCollection } from "../../common/admin-collections.ts";
import { useT } from "../i18n/use-t.ts";
import { AdminCollectionPage } from "./AdminCollectionPage.tsx";
import { NameForm } from "./NameForm.tsx";
import { TranslationsButton } from "./TranslationsDialog.tsx";

export function WithdrawReasonsScene() {
  const t = useT();
  const reasonField = { key: "label", label: t("admin.withdrawReasons.reason") } as const;
  return (
    <AdminCollectionPage
      collection={withdrawReasonsCollection}
      intro={t("admin.withdrawReasons.intro")}
      columns={[{ header: t("admin.withdrawReasons.reason"), cell: (r) => r.label }]}
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
        title: (r) => t("admin.withdrawReasons.removeTitle", { name: r.label }),
        body: t("admin.withdrawReasons.removeBody"),
        action: t("admin.withdrawReasons.remove"),
      }}
    />
  );
}
