import { Alert } from "@mantine/core";
import { formProblem } from "./form-problems.ts";

/** The part of a failed save that the form's fields do not already show. */
export function FormAlert({ error, shown }: { error: Error | null; shown: readonly string[] }) {
  const problem = formProblem(error, shown);
  return problem ? <Alert color="red">{problem}</Alert> : null;
}
