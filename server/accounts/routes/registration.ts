import type { FastifyRequest } from "fastify";
import { z } from "zod";
import {
  acceptedSchema,
  emailBodySchema,
  passwordChangeSchema,
  passwordResetSchema,
  registrationSchema,
  tokenBodySchema,
} from "../../../common/accounts.ts";
import { errorResponseSchema } from "../../../common/errors.ts";
import { AppError } from "../../core/errors.ts";
import type { App, Deps } from "../../http/types.ts";
import { languageOf, localeOfRequest } from "../../i18n/request-locale.ts";
import { changePassword } from "../commands/change-password.ts";
import { confirmEmail } from "../commands/confirm-email.ts";
import { completePasswordReset, requestPasswordReset, resetRequested } from "../commands/password-reset.ts";
import { register, registrationAccepted, resendConfirmation } from "../commands/register.ts";
import { enforceLimit } from "../rate-limit.ts";

const errors = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  429: errorResponseSchema,
};

export function registerRegistrationRoutes(app: App, deps: Deps): void {
  // The language the visitor filled the form in, for an account mail to someone who has chosen none yet.
  const pageLocale = async (request: FastifyRequest) =>
    (await localeOfRequest(deps.db, request.actor, languageOf(request))).locale;
  const { db, config } = deps;
  const limit = (action: "register" | "passwordReset", ip: string, target: string) =>
    enforceLimit(db, action, { ip, target }, { enabled: config.rateLimiting });

  app.post(
    "/api/v1/accounts",
    {
      schema: {
        tags: ["accounts"],
        summary: "Register a customer account (confirmed by a link sent by mail)",
        body: registrationSchema,
        response: { 202: acceptedSchema, ...errors },
      },
    },
    async (request, reply) => {
      await limit("register", request.ip, request.body.email);
      await register(deps, request.body, await pageLocale(request));
      return reply.status(202).send({ message: registrationAccepted });
    },
  );

  app.post(
    "/api/v1/accounts/confirmation",
    {
      schema: {
        tags: ["accounts"],
        summary: "Confirm an email address with the token from the confirmation mail",
        body: tokenBodySchema,
        response: { 200: z.object({ email: z.string() }), ...errors },
      },
    },
    async (request) => confirmEmail(db, request.body.token),
  );

  app.post(
    "/api/v1/accounts/confirmation/resend",
    {
      schema: {
        tags: ["accounts"],
        summary: "Send the confirmation link again",
        body: emailBodySchema,
        response: { 202: acceptedSchema, ...errors },
      },
    },
    async (request, reply) => {
      await limit("register", request.ip, request.body.email);
      await resendConfirmation(deps, request.body.email, await pageLocale(request));
      return reply
        .status(202)
        .send({ message: "If that address has an unconfirmed account, we sent it a new confirmation link." });
    },
  );

  app.post(
    "/api/v1/password-resets",
    {
      schema: {
        tags: ["accounts"],
        summary: "Ask for a password reset link",
        body: emailBodySchema,
        response: { 202: acceptedSchema, ...errors },
      },
    },
    async (request, reply) => {
      await limit("passwordReset", request.ip, request.body.email);
      await requestPasswordReset(deps, request.body.email, await pageLocale(request));
      return reply.status(202).send({ message: resetRequested });
    },
  );

  app.post(
    "/api/v1/password-resets/complete",
    {
      schema: {
        tags: ["accounts"],
        summary: "Choose a new password with the token from the reset mail",
        body: passwordResetSchema,
        response: { 200: acceptedSchema, ...errors },
      },
    },
    async (request) => {
      await completePasswordReset(deps, request.body);
      return { message: "Your password has been changed. Sign in with the new one." };
    },
  );

  app.post(
    "/api/v1/account/password",
    {
      schema: {
        tags: ["accounts"],
        summary: "Change your password (signs out your other sessions)",
        body: passwordChangeSchema,
        response: { 200: acceptedSchema, ...errors },
      },
    },
    async (request) => {
      const actor = request.actor;
      if (actor.kind !== "user") throw new AppError("unauthenticated", "Sign in to change your password.");
      await changePassword(db, actor, request.body);
      return { message: "Your password has been changed. Your other sessions were signed out." };
    },
  );
}
