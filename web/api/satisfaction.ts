import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  type SatisfactionSettings,
  satisfactionSettingsSchema,
  surveySchema,
  ticketSatisfactionSchema,
} from "../../common/satisfaction.ts";
import { request } from "./client.ts";
import { refreshAfterChange, ticketShown } from "./ticket-cache.ts";

/** What the rating forms send; the server trims the comment and drops the reason of a Good answer. */
export type RatingInput = { rating: "good" | "bad"; comment?: string; reasonId?: string | null };

const surveyKey = (token: string) => ["satisfaction", "link", token];
const ticketKey = (number: number) => ["satisfaction", "ticket", number];

/** The survey behind a mailed link (no sign-in needed). A link that does not work answers not_found. */
export const useSurvey = (token: string) =>
  useQuery({
    queryKey: surveyKey(token),
    queryFn: () => request(`/api/v1/satisfaction/${encodeURIComponent(token)}`, { schema: surveySchema }),
    retry: false,
  });

export const useRateByLink = (token: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RatingInput) =>
      request(`/api/v1/satisfaction/${encodeURIComponent(token)}`, { method: "POST", body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: surveyKey(token) }),
  });
};

/** A ticket's rating: the requester's own answer and whether they may rate; agents read it. */
export const useTicketSatisfaction = (number: number, enabled = true) =>
  useQuery({
    queryKey: ticketKey(number),
    queryFn: () => request(`/api/v1/tickets/${number}/satisfaction`, { schema: ticketSatisfactionSchema }),
    enabled,
  });

export const useRateTicket = (number: number) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RatingInput) =>
      request(`/api/v1/tickets/${number}/satisfaction`, { method: "POST", body: input }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ticketKey(number) });
      await refreshAfterChange(queryClient, ticketShown(number));
    },
  });
};

export const useSatisfactionSettings = () =>
  useQuery({
    queryKey: ["admin", "satisfaction-settings"],
    queryFn: () => request("/api/v1/admin/satisfaction-settings", { schema: satisfactionSettingsSchema }),
  });

export const useSaveSatisfactionSettings = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SatisfactionSettings) =>
      request("/api/v1/admin/satisfaction-settings", { method: "PUT", body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["admin", "satisfaction-settings"] }),
  });
};
