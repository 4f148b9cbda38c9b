/**
 * Languages and time zones: what the web app should speak to this visitor,
 * a signed-in person's own choice, and the admin's default for everyone else.
 */
import { z } from "zod";
import { errorResponseSchema } from "../../common/errors.ts";
import { defaultLocaleSettingSchema, localeStateSchema, preferencesSchema } from "../../common/locale-schemas.ts";
import { directionOf, isLocale } from "../../common/locales.ts";
import { AppError } from "../core/errors.ts";
import { requirePermission } from "../core/permissions.ts";
import type { App, Deps } from "../http/types.ts";
import { savePreferences } from "./preferences.ts";
import { languageOf, localeOfRequest } from "./request-locale.ts";
import { setDefaultLocale } from "./settings.ts";

export function registerLocaleRoutes(app: App, { db, config }: Deps): void {
  // The pseudo-locale is for finding unconverted text: offered where mail stays in the dev mailbox.
  const pseudoAvailable = config.devMailbox !== "off";

  app.get(
    "/api/v1/locale",
    {
      schema: {
        tags: ["accounts"],
        summary: "The language, writing direction and time zone to show this visitor",
        response: { 200: localeStateSchema },
      },
    },
    async (request) => {
      const resolved = await localeOfRequest(db, request.actor, languageOf(request));
      const locale = resolved.locale === "en-XA" && !pseudoAvailable ? resolved.fallback : resolved.locale;
      return {
        locale,
        direction: directionOf(locale),
        timeZone: resolved.timeZone,
        profileLocale: isLocale(resolved.profileLocale) ? resolved.profileLocale : null,
        defaultLocale: resolved.fallback,
        pseudoAvailable,
      };
    },
  );

  app.put(
    "/api/v1/account/preferences",
    {
      schema: {
        tags: ["accounts"],
        summary: "Set your language and time zone (null: the help desk's default language, your browser's zone)",
        body: preferencesSchema,
        response: { 204: z.null(), 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema },
      },
    },
    async (request, reply) => {
      const actor = request.actor;
      if (actor.kind !== "user") throw new AppError("unauthenticated", "Sign in to continue.");
      await savePreferences(db, actor.user.id, request.body);
      return reply.status(204).send(null);
    },
  );

  app.put(
    "/api/v1/admin/settings/default-locale",
    {
      schema: {
        tags: ["admin"],
        summary: "Set the help desk's default language (for visitors whose browser asks for none we speak)",
        body: defaultLocaleSettingSchema,
        response: { 204: z.null(), 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema },
      },
    },
    async (request, reply) => {
      requirePermission(request.actor, "admin.settings");
      await setDefaultLocale(db, request.body.locale);
      return reply.status(204).send(null);
    },
  );
}
