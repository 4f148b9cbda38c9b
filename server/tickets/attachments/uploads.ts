import { createHash, randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type {} from "@fastify/multipart";
import type { FastifyRequest } from "fastify";
import { cleanStrings } from "../../../common/text.ts";
import { attachmentLimits } from "../../../common/uploads.ts";
import { AppError, multipartProblem } from "../../core/errors.ts";
import { refuseDeepNesting } from "../../core/nesting.ts";
import { cleanFileName } from "./file-names.ts";

export type UploadLimits = { maxFileBytes: number; maxFiles: number };
export const defaultUploadLimits: UploadLimits = { ...attachmentLimits };

export type UploadedFile = {
  tempFile: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  /** The attachment id to store it under, when the caller must know it first (a mail's inline image its HTML shows). */
  id?: string;
};

export async function discardUploads(files: UploadedFile[]): Promise<void> {
  await Promise.all(files.map((f) => rm(f.tempFile, { force: true })));
}

function tooLarge(limits: UploadLimits): AppError {
  const mb = Math.round(limits.maxFileBytes / (1024 * 1024));
  return new AppError("payload_too_large", `Each attachment may be at most ${mb} MB.`, {
    attachments: `Each attachment may be at most ${mb} MB.`,
  });
}

function notJson(field: string): AppError {
  return new AppError("validation_failed", `The "${field}" part must be JSON.`);
}

/**
 * A part this request does not read. Skipped silently, a file sent as "files" or "file" (what many HTTP
 * libraries call it) was answered 201 with nothing attached, and a setting sent as a field of its own (say
 * `visibility`) was lost while the comment went out with the default.
 */
function strayPart(name: string, field: string, fileField: string): AppError {
  return new AppError(
    "validation_failed",
    `This form has no part "${name}": send the JSON in "${field}" and the files in "${fileField}".`,
  );
}

/**
 * Reads a multipart request: the JSON part named `field` and the files named
 * `fileField` ("attachments" unless said otherwise), each streamed to a temporary file while it is measured and
 * hashed. Too many or too large files, or a part of another name, refuse the whole request, and every
 * temporary file is removed again on any failure.
 */
export async function receiveMultipart(
  request: FastifyRequest,
  field: string,
  tempDir: string,
  limits: UploadLimits,
  fileField = "attachments",
): Promise<{ json: unknown; files: UploadedFile[] }> {
  await mkdir(tempDir, { recursive: true });
  const files: UploadedFile[] = [];
  let json: unknown;
  try {
    const parts = request.parts({
      limits: { fileSize: limits.maxFileBytes, files: limits.maxFiles, fields: 5, fieldSize: 200_000 },
    });
    for await (const part of parts) {
      if (part.type === "field") {
        if (part.fieldname !== field) throw strayPart(part.fieldname, field, fileField);
        // A part labelled application/json (as the OpenAPI document declares it) comes parsed already.
        let parsed: unknown = part.value;
        if (typeof part.value === "string") {
          try {
            parsed = JSON.parse(part.value);
          } catch {
            throw notJson(field);
          }
        }
        refuseDeepNesting(parsed);
        json = cleanStrings(parsed);
        continue;
      }
      if (part.fieldname !== fileField) {
        part.file.resume();
        throw strayPart(part.fieldname, field, fileField);
      }
      const tempFile = path.join(tempDir, `${randomUUID()}.upload`);
      const hash = createHash("sha256");
      let size = 0;
      const upload: UploadedFile = {
        tempFile,
        fileName: cleanFileName(part.filename),
        contentType: part.mimetype || "application/octet-stream",
        size: 0,
        sha256: "",
      };
      files.push(upload);
      const measure = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          size += chunk.length;
          hash.update(chunk);
          done(null, chunk);
        },
      });
      // Synced when closed, outside any transaction (storage.ts, renameDurably).
      await pipeline(part.file, measure, createWriteStream(tempFile, { flush: true }));
      if (part.file.truncated) throw tooLarge(limits);
      upload.size = size;
      upload.sha256 = hash.digest("hex");
    }
  } catch (error) {
    await discardUploads(files);
    if (error instanceof AppError) throw error;
    const code = (error as { code?: string }).code;
    if (code === "FST_FILES_LIMIT") {
      throw new AppError("payload_too_large", `Attach at most ${limits.maxFiles} files.`, {
        attachments: `Attach at most ${limits.maxFiles} files.`,
      });
    }
    if (code === "FST_REQ_FILE_TOO_LARGE") throw tooLarge(limits);
    // Multipart's own parse of a part labelled application/json failed.
    if (code === "FST_INVALID_JSON_FIELD_ERROR") throw notJson(field);
    const multipartError = multipartProblem(error);
    if (multipartError) throw multipartError;
    if (code === "FST_INVALID_MULTIPART_CONTENT_TYPE") {
      throw new AppError("validation_failed", "Send the request as multipart/form-data.");
    }
    throw error;
  }
  return { json, files };
}
