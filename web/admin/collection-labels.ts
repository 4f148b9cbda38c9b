import type { AdminCollection } from "../../common/admin-collections.ts";
import type { useT } from "../i18n/use-t.ts";

type Labels = AdminCollection["labels"];

/**
 * A collection's heading, "New …" button and loading text in the reader's language. The descriptions in
 * common/ keep their English words (the server's OpenAPI document uses them); the web says them from the
 * catalog, and a collection missing here keeps its English.
 */
export function collectionLabels(
  t: ReturnType<typeof useT>,
  collection: Pick<AdminCollection, "id" | "labels">,
): Labels {
  const byId: Record<string, Labels> = {
    roles: {
      title: t("admin.roles.title"),
      newItem: t("admin.roles.new"),
      loading: t("admin.roles.loading"),
    },
    organizations: {
      title: t("admin.organizations.title"),
      newItem: t("admin.organizations.new"),
      loading: t("admin.organizations.loading"),
    },
    groups: {
      title: t("admin.groups.title"),
      newItem: t("admin.groups.new"),
      loading: t("admin.groups.loading"),
    },
    categories: {
      title: t("admin.categories.title"),
      newItem: t("admin.categories.new"),
      loading: t("admin.categories.loading"),
    },
    services: {
      title: t("admin.services.title"),
      newItem: t("admin.services.new"),
      loading: t("admin.services.loading"),
    },
    "ticket-types": {
      title: t("admin.ticketTypes.title"),
      newItem: t("admin.ticketTypes.new"),
      loading: t("admin.ticketTypes.loading"),
    },
    "withdraw-reasons": {
      title: t("admin.withdrawReasons.title"),
      newItem: t("admin.withdrawReasons.new"),
      loading: t("admin.withdrawReasons.loading"),
    },
    "satisfaction-reasons": {
      title: t("admin.satisfactionReasons.title"),
      newItem: t("admin.satisfactionReasons.new"),
      loading: t("admin.satisfactionReasons.loading"),
    },
    statuses: {
      title: t("admin.statuses.title"),
      newItem: t("admin.statuses.new"),
      loading: t("admin.statuses.loading"),
    },
    mailboxes: {
      title: t("admin.mailboxes.title"),
      newItem: t("admin.mailboxes.new"),
      loading: t("admin.mailboxes.loading"),
    },
    calendars: {
      title: t("admin.calendars.title"),
      newItem: t("admin.calendars.new"),
      loading: t("admin.calendars.loading"),
    },
    "sla-policies": {
      title: t("admin.slaPolicies.title"),
      newItem: t("admin.slaPolicies.new"),
      loading: t("admin.slaPolicies.loading"),
    },
    "automation-rules": {
      title: t("admin.automation.title"),
      newItem: t("admin.automation.new"),
      loading: t("admin.automation.loading"),
    },
    "kb/categories": {
      title: t("admin.kbCategories.title"),
      newItem: t("admin.kbCategories.new"),
      loading: t("admin.kbCategories.loading"),
    },
  };
  return byId[collection.id] ?? collection.labels;
}
