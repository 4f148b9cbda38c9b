import { Alert } from "@mantine/core";
import type { ReactNode } from "react";
import { ApiError } from "../api/client.ts";
import { formProblem } from "./form-errors.ts";

/**
 * Why a form's submit failed, above its button: the part the form's fields do not already show (see
 * `formProblem`), so a sentence appears once, under its field or here. Every form that submits uses it.
 */
export function FormAlert({
  error,
  shown = [],
  about,
  title,
  color = "red",
  children,
}: {
  error: Error | null;
  /** The form's fields that show their own sentence from the server. */
  shown?: readonly string[];
  /** A field the form has no input for (a mailed link's token): its own sentence says more than the general one. */
  about?: string;
  title?: string;
  color?: "red" | "yellow";
  /** What the person can do next, after the sentence (a link to ask again…). */
  children?: ReactNode;
}) {
  const problem = (about && error instanceof ApiError && error.fields[about]) || formProblem(error, shown);
  if (!problem) return null;
  return (
    <Alert color={color} title={title}>
      {problem}
      {children}
    </Alert>
  );
}
