import { type ComponentProps, useEffect, useRef } from "react";

/**
 * A form that, when a submit ends in problems, puts the focus on the first field that says what is wrong (top to
 * bottom), whether the form found them or the server did. Without it the focus stayed on the Save button, or fell to
 * the page's top when that button was disabled while saving (a webhook without an address, inside its dialog), and
 * a keyboard or screen reader user heard nothing about the problem. Use it in place of `<form>`.
 */
export function Form({ onSubmit, onInput, ...props }: ComponentProps<"form">) {
  const element = useRef<HTMLFormElement>(null);
  // Set by a submit, cleared once the focus has moved to a problem or the writer has moved on by themselves.
  const awaitingProblems = useRef(false);
  // Runs after every render: the problems show by re-rendering the form's owner, at once or when the server answers.
  useEffect(() => {
    if (!awaitingProblems.current) return;
    const problem = element.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (!problem) return;
    awaitingProblems.current = false;
    problem.focus();
  });
  return (
    <form
      ref={element}
      onSubmit={(event) => {
        awaitingProblems.current = true;
        onSubmit?.(event);
      }}
      onInput={(event) => {
        awaitingProblems.current = false;
        onInput?.(event);
      }}
      {...props}
    />
  );
}
