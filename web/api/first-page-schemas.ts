/** The schemas every page needs, in their own chunk so zod loads beside the first request (see client.ts). */
export { sessionSchema } from "../../common/accounts.ts";
export { errorResponseSchema } from "../../common/errors.ts";
export { localeStateSchema } from "../../common/locale-schemas.ts";
