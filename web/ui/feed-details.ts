/**
 * A Feed entry's detail line in the reader's language, from the codes and values the Feed API sends
 * (`details`, common/conversation.ts): the server names what happened, the catalog words it.
 */
import type { AutomationOutcome } from "../../common/automation.ts";
import type { FeedDetail } from "../../common/conversation.ts";
import type { TicketChannel } from "../../common/new-ticket.ts";
import type { EditableTicketField } from "../../common/ticket-events.ts";
import { type Priority, priorities } from "../../common/tickets.ts";
import type { Translate } from "../i18n/use-t.ts";

function priorityName(priority: Priority, t: Translate): string {
  switch (priority) {
    case "low":
      return t("requests.priority.low");
    case "medium":
      return t("requests.priority.medium");
    case "high":
      return t("requests.priority.high");
    case "urgent":
      return t("requests.priority.urgent");
  }
}

function channelName(channel: TicketChannel, t: Translate): string {
  switch (channel) {
    case "web":
      return t("requests.feed.detail.channel.web");
    case "email":
      return t("requests.feed.detail.channel.email");
    case "phone":
      return t("requests.feed.detail.channel.phone");
    case "walk_in":
      return t("requests.feed.detail.channel.walkIn");
  }
}

function fieldName(field: EditableTicketField, t: Translate): string {
  switch (field) {
    case "subject":
      return t("requests.feed.detail.field.subject");
    case "priority":
      return t("requests.feed.detail.field.priority");
    case "category":
      return t("requests.feed.detail.field.category");
    case "assignee":
      return t("requests.feed.detail.field.assignee");
    case "group":
      return t("requests.feed.detail.field.group");
    case "type":
      return t("requests.feed.detail.field.type");
  }
}

const isPriority = (value: string): value is Priority => (priorities as readonly string[]).includes(value);

/** An edited field's value: "(none)" when empty; a priority by its name; anything else as the ticket has it. */
function changedValue(field: EditableTicketField | null, value: string | null, t: Translate): string {
  if (value === null) return t("requests.feed.detail.none");
  return field === "priority" && isPriority(value) ? priorityName(value, t) : value;
}

/** A checkbox's state: yes or no in the reader's language, "(none)" when it had no value. */
function checkedValue(checked: boolean | null, t: Translate): string {
  if (checked === null) return t("requests.feed.detail.none");
  return checked ? t("requests.fields.yes") : t("requests.fields.no");
}

const rated = (rating: "good" | "bad", t: Translate) =>
  rating === "good" ? t("requests.rating.good") : t("requests.rating.bad");

/**
 * One thing an automation run did: "assigned to On call", "priority set to High". The admin page's log
 * and the ticket's Feed say it the same way.
 */
export function automationOutcomeText(part: AutomationOutcome, t: Translate): string {
  switch (part.code) {
    case "assigned":
      return t("admin.automation.did.assigned", { group: part.group });
    case "priority":
      return t("admin.automation.did.priority", { priority: priorityName(part.priority, t) });
    case "reminded":
      return t("admin.automation.did.reminded");
    case "notified":
      return t("admin.automation.did.notified", { email: part.email });
    case "groupLeadNotified":
      return t("admin.automation.did.groupLeadNotified", { name: part.name });
    case "noGroupLead":
      return t("admin.automation.did.noGroupLead");
  }
}

/** Everything a run did, in order; "nothing to change" when the ticket already was as the rule leaves it. */
export function automationOutcomeLine(outcome: AutomationOutcome[], t: Translate): string {
  if (outcome.length === 0) return t("admin.automation.did.nothing");
  return outcome.map((part) => automationOutcomeText(part, t)).join(t("admin.automation.did.separator"));
}

/** One part of the line: "Reason: Something else", "Priority: Low → High", "#42". */
export function feedDetailText(part: FeedDetail, t: Translate): string {
  switch (part.code) {
    case "onBehalfOf":
      return part.channel
        ? t("requests.feed.detail.onBehalfOfVia", { name: part.name, channel: channelName(part.channel, t) })
        : t("requests.feed.detail.onBehalfOf", { name: part.name });
    case "reason":
      return t("requests.feed.detail.reason", { reason: part.reason });
    case "followUp":
      return t("requests.feed.detail.followUp", { number: String(part.number) });
    case "person":
      return part.email;
    case "change":
      return t("requests.feed.detail.change", {
        field: part.field ? fieldName(part.field, t) : part.label,
        from: part.checked ? checkedValue(part.checked.from, t) : changedValue(part.field, part.from, t),
        to: part.checked ? checkedValue(part.checked.to, t) : changedValue(part.field, part.to, t),
      });
    case "task":
      return part.title;
    case "ticket":
      return part.subject === null
        ? t("requests.feed.detail.ticket", { number: String(part.number) })
        : t("requests.feed.detail.ticketWithSubject", { number: String(part.number), subject: part.subject });
    case "priority":
      return t("requests.feed.detail.priority", { from: priorityName(part.from, t), to: priorityName(part.to, t) });
    case "rating":
      return part.previous
        ? t("requests.feed.detail.ratingChanged", { rating: rated(part.rating, t), previous: rated(part.previous, t) })
        : t("requests.feed.detail.rating", { rating: rated(part.rating, t) });
    case "commentBy":
      return t("requests.feed.detail.commentBy", { author: part.author });
    case "tag":
      return part.tag;
    case "automation":
      return automationOutcomeText(part.did, t);
    case "automationSummary":
      // What a rule did before it was recorded as codes: the English sentence stored then.
      return part.summary;
  }
}

/** The whole line, or null when there is nothing to add; an edit's fields are listed, other parts joined by a dot. */
export function feedDetailLine(details: FeedDetail[], t: Translate): string | null {
  if (details.length === 0) return null;
  const separator = details.every((d) => d.code === "change")
    ? t("requests.feed.detail.listSeparator")
    : details.every((d) => d.code === "automation")
      ? t("admin.automation.did.separator")
      : t("requests.feed.detail.partSeparator");
  return details.map((part) => feedDetailText(part, t)).join(separator);
}
