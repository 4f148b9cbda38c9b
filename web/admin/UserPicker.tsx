import { type ComboboxItem, Select } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import type { AdminUser } from "../../common/admin.ts";
import { useAdminUsers } from "../api/admin.ts";
import { useT } from "../i18n/use-t.ts";

const option = (u: AdminUser): ComboboxItem => ({ value: u.id, label: `${u.name} (${u.email})` });

/**
 * Chooses an active user. What is typed searches every user on the server, not
 * just the first page, and the chosen one stays listed while the search moves on.
 */
export function UserPicker({
  label,
  value,
  onChange,
  error,
}: {
  label: string;
  value: string;
  onChange: (id: string) => void;
  error?: string | undefined;
}) {
  const t = useT();
  const [search, setSearch] = useState("");
  const [chosen, setChosen] = useState<ComboboxItem | null>(null);
  const [debounced] = useDebouncedValue(search === chosen?.label ? "" : search.trim(), 300);
  const users = useAdminUsers(debounced);
  const found = (users.data?.pages[0]?.users ?? []).filter((u) => !u.disabled).map(option);
  const data = chosen && !found.some((o) => o.value === chosen.value) ? [chosen, ...found] : found;
  return (
    <Select
      label={label}
      placeholder={t("admin.userPicker.placeholder")}
      searchable
      data={data}
      value={value || null}
      onChange={(id, item) => {
        setChosen(item);
        onChange(id ?? "");
      }}
      searchValue={search}
      onSearchChange={setSearch}
      // Said below the box, not as `nothingFoundMessage`: Mantine puts that inside the list, and a list without
      // options is an ARIA error that screen readers announce as an empty list (axe: aria-required-children).
      description={
        data.length > 0 || search.trim() === ""
          ? undefined
          : users.isFetching
            ? t("admin.userPicker.searching")
            : t("admin.userPicker.noMatch")
      }
      error={error}
    />
  );
}
