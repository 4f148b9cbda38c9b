/**
 * How requests are checked against their zod schemas, beyond what each schema says:
 *
 * - A JSON body's and a query string's unknown top-level keys are refused, named one by one. A misspelt key (`prority`) used to be
 *   dropped and the request answered 204 with nothing changed, which an integrator could not tell from
 *   success. Schemas that take any key (`z.looseObject`, a catch-all) are left as they are.
 * - A schema without a sentence of its own gets a plain one instead of zod's ("Invalid input: expected
 *   number, received NaN"): the field says what to send. Schemas' own sentences always win.
 */
import type { FastifySchemaCompiler } from "fastify";
import { validatorCompiler } from "fastify-type-provider-zod";
import { type core, type ZodType, z } from "zod";

/** The sentence for a field a request may not send. */
export const unknownFieldSentence = "This field is not known here: check its name in the API reference.";

/** The sentence for a query key sent twice where the operation takes one value (http/request-shape.ts). */
export const repeatedFieldSentence = "Send this field once.";

const typeSentences: Record<string, string> = {
  number: "Enter a number.",
  int: "Enter a whole number.",
  string: "Enter text.",
  boolean: "Send true or false.",
  array: "Send a list.",
  object: "Send an object.",
  record: "Send an object.",
};

const limitOf = (value: number | bigint) => (typeof value === "bigint" ? value.toString() : value.toLocaleString("en"));

function houseSentence(issue: core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return "This field is required.";
      return typeSentences[issue.expected] ?? "This value is not valid.";
    case "too_big":
      if (issue.origin === "string") return `Keep this under ${limitOf(issue.maximum)} characters.`;
      if (issue.origin === "array" || issue.origin === "set") return `Send at most ${limitOf(issue.maximum)} items.`;
      return `Use a number no larger than ${limitOf(issue.maximum)}.`;
    case "too_small":
      if (issue.origin === "string") {
        return Number(issue.minimum) <= 1 ? "Enter a value." : `Use at least ${limitOf(issue.minimum)} characters.`;
      }
      if (issue.origin === "array" || issue.origin === "set") return `Send at least ${limitOf(issue.minimum)} items.`;
      return `Use a number no smaller than ${limitOf(issue.minimum)}.`;
    case "invalid_value":
      return `Choose one of: ${issue.values.map(String).join(", ")}.`;
    case "invalid_format":
      if (issue.format === "email") return "Enter a valid email address, like name@example.com.";
      if (issue.format === "uuid") return "Send an id as the API gives it (a UUID).";
      if (issue.format === "url") return "Send a web address starting with http:// or https://.";
      if (issue.format === "datetime" || issue.format === "date") return "Send a date like 2026-11-30.";
      return "This value is not in the right format.";
    case "unrecognized_keys":
      return unknownFieldSentence;
    default:
      return "This value is not valid.";
  }
}

// Global in zod, so it holds for every schema the server parses with; a schema's own `error` comes first.
z.config({ customError: houseSentence });

/** Whether an object schema refuses keys it does not name when made strict (it has no catch-all of its own). */
export function takesNamedKeysOnly(schema: ZodType): schema is z.ZodObject {
  return schema instanceof z.ZodObject && schema._zod.def.catchall === undefined;
}

/**
 * fastify-type-provider-zod's compiler, with unknown keys refused in JSON bodies and in query strings alike: a
 * misspelt filter (`/api/v1/tickets?priorty=urgent`) listed every ticket, and a script acting on that list acted
 * on all of them.
 */
export const requestValidatorCompiler: FastifySchemaCompiler<ZodType> = (route) => {
  const { schema, httpPart } = route;
  if ((httpPart === "body" || httpPart === "querystring") && takesNamedKeysOnly(schema))
    return validatorCompiler({ ...route, schema: schema.strict() });
  return validatorCompiler(route);
};
