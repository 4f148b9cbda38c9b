import { z } from "zod";
import { errorResponseSchema } from "../../common/errors.ts";
import { notFound } from "../core/errors.ts";
import { refusals } from "../http/refusals.ts";
import type { App, Deps } from "../http/types.ts";
import { openToSend } from "../tickets/attachments/storage.ts";
import { receiveMultipart } from "../tickets/attachments/uploads.ts";
import { uploadTempDir } from "../tickets/commands/submit-ticket.ts";
import { findReadableImage, imageStorage, imageUploadLimits, uploadArticleImage } from "./images.ts";
import { requireEditor } from "./policy.ts";

/** Images in articles: editors upload them; readers get those their articles show. */
export function registerKbImageRoutes(app: App, { db, config }: Deps): void {
  app.post(
    "/api/v1/admin/kb/images",
    {
      schema: {
        tags: ["admin"],
        summary: "Upload an image for knowledge-base articles (multipart, one file in the part named attachments)",
        consumes: ["multipart/form-data"],
        response: {
          201: z.object({ id: z.string(), url: z.string(), fileName: z.string() }),
          ...refusals,
          415: errorResponseSchema,
        },
      },
    },
    async (request, reply) => {
      // Refused before a byte of the file is read.
      requireEditor(request.actor);
      const { files } = await receiveMultipart(request, "image", uploadTempDir(config), imageUploadLimits);
      return reply.code(201).send(await uploadArticleImage({ db, config }, request.actor, files));
    },
  );

  app.get(
    "/api/v1/kb/images/:id",
    {
      schema: {
        tags: ["kb"],
        summary: "An image shown in an article the reader may read",
        params: z.object({ id: z.uuid() }),
        // No response schema: the 200 answer is the image's bytes; refusals use the usual error body.
      },
    },
    async (request, reply) => {
      const image = await findReadableImage(db, request.actor, request.params.id);
      if (!image) throw notFound("That image");
      const file = await openToSend(imageStorage(config), image.storage_key, undefined, request.log);
      return reply
        .header("content-type", image.content_type)
        .header("x-content-type-options", "nosniff")
        .header("content-security-policy", "default-src 'none'; sandbox")
        .header("cache-control", "private, max-age=300")
        .header("content-length", String(image.size))
        .send(file);
    },
  );
}
