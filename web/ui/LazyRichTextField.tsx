import { Input, Paper } from "@mantine/core";
import { type ComponentProps, lazy, Suspense } from "react";

// The editor (tiptap and ProseMirror) is the heaviest code in the app: it loads only on pages where someone writes,
// while the rest of the page is already showing.
const RichTextEditor = lazy(() => import("./RichTextField.tsx").then((m) => ({ default: m.RichTextField })));

/** RichTextField, loaded on first use; until then its label and an empty box of the same size. */
export function LazyRichTextField(props: ComponentProps<typeof RichTextEditor>) {
  return (
    <Suspense
      fallback={
        <Input.Wrapper label={props.label} description={props.description}>
          <Paper withBorder radius="sm" mih={140} aria-busy="true" />
        </Input.Wrapper>
      }
    >
      <RichTextEditor {...props} />
    </Suspense>
  );
}
