import { waitingUploadSchema } from "../../common/uploads.ts";
import { AppError } from "../core/errors.ts";
import { refusals } from "../http/refusals.ts";
import type { App, Deps } from "../http/types.ts";
import { createUpload } from "./attachments/standalone-uploads.ts";
import { defaultUploadLimits, discardUploads, receiveMultipart } from "./attachments/uploads.ts";
import { uploadTempDir } from "./commands/submit-ticket.ts";

/** Standalone uploads: a file first, the ticket or comment it belongs to later (by the token). */
export function registerUploadRoutes(app: App, deps: Deps): void {
  app.post(
    "/api/v1/uploads",
    {
      schema: {
        tags: ["tickets"],
        summary:
          "Upload one file on its own (multipart/form-data, the part named `file`, at most 10 MB): the token attaches it to a new ticket or comment (`attachments: [token]`) within the hour",
        consumes: ["multipart/form-data"],
        response: { 201: waitingUploadSchema, ...refusals },
      },
    },
    async (request, reply) => {
      const actor = request.actor;
      // An upload belongs to the account that sent it; visitors and guests attach files in the same request.
      if (actor.kind === "guest") throw new AppError("forbidden", "Attach files to your comment instead.");
      if (actor.kind !== "user") throw new AppError("unauthenticated", "Sign in to upload files.");
      const { files } = await receiveMultipart(
        request,
        "metadata",
        uploadTempDir(deps.config),
        { ...defaultUploadLimits, maxFiles: 1 },
        "file",
      );
      try {
        const [file] = files;
        if (!file) {
          throw new AppError("validation_failed", "Some fields need attention.", { file: "Choose a file to upload." });
        }
        return reply.status(201).send(await createUpload(deps, actor, file));
      } finally {
        await discardUploads(files);
      }
    },
  );
}
