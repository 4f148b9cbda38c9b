import { errorResponseSchema } from "../../common/errors.ts";

/** The refusals most routes can answer with, so each route's schema lists them without a copy. */
export const refusals = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
  413: errorResponseSchema,
  429: errorResponseSchema,
};
