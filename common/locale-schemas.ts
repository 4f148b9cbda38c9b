/** The API's shapes for languages and time zones (the plain functions are in locales.ts). */
import { z } from "zod";
import { isTimeZone, locales, shippedLocales } from "./locales.ts";

export const localeSchema = z.enum(locales, { error: "Choose one of the languages offered." });

export const timeZoneSchema = z.string().max(64).refine(isTimeZone, { error: "Choose a time zone from the list." });

/** What the API tells the web app about the visitor's language. */
export const localeStateSchema = z.object({
  locale: z.enum(locales),
  direction: z.enum(["ltr", "rtl"]),
  /** The profile's time zone; null means the browser's own. */
  timeZone: z.string().nullable(),
  /** The language the profile names, if the visitor is signed in and chose one. */
  profileLocale: z.enum(locales).nullable(),
  defaultLocale: z.enum(locales),
  /** Whether the pseudo-locale may be chosen (development and tests). */
  pseudoAvailable: z.boolean(),
});
export type LocaleState = z.infer<typeof localeStateSchema>;

export const preferencesSchema = z.object({
  locale: localeSchema.nullable(),
  timeZone: timeZoneSchema.nullable(),
});
export type Preferences = z.infer<typeof preferencesSchema>;

export const defaultLocaleSettingSchema = z.object({ locale: z.enum(shippedLocales) });
