import { cleanStrings } from "../../common/text.ts";
import { refuseDeepNesting } from "../core/nesting.ts";
import type { App } from "./types.ts";

/**
 * Every request's body, query and route parameters are normalised (see
 * common/text.ts) before the schemas see them, so no route can store a NUL or
 * a lone surrogate, and both engines keep the same text. Multipart forms are
 * normalised where their JSON part is read (tickets/attachments/uploads.ts).
 */
export function registerInputCleaning(app: App): void {
  app.addHook("preValidation", async (request) => {
    if (request.body !== undefined) {
      refuseDeepNesting(request.body);
      request.body = cleanStrings(request.body);
    }
    request.query = cleanStrings(request.query);
    request.params = cleanStrings(request.params);
  });
}
