import { Button, Group, Input, Paper } from "@mantine/core";
import { type Editor, EditorContent, useEditor, useEditorState } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { useId } from "react";

type Control = { label: string; mark: string; run: (editor: Editor) => void };

const controls: Control[] = [
  { label: "Bold", mark: "bold", run: (e) => e.chain().focus().toggleBold().run() },
  { label: "Italic", mark: "italic", run: (e) => e.chain().focus().toggleItalic().run() },
  { label: "Code", mark: "code", run: (e) => e.chain().focus().toggleCode().run() },
  { label: "Bulleted list", mark: "bulletList", run: (e) => e.chain().focus().toggleBulletList().run() },
  { label: "Numbered list", mark: "orderedList", run: (e) => e.chain().focus().toggleOrderedList().run() },
  { label: "Quote", mark: "blockquote", run: (e) => e.chain().focus().toggleBlockquote().run() },
];

/**
 * A labelled rich-text editor for messages: bold, italic, code, lists, quotes
 * and links, the formatting the server keeps. Hands back HTML, which the
 * server sanitises again whatever the editor produced.
 */
export function RichTextField({
  label,
  description,
  error,
  onChange,
  initialContent,
}: {
  label: string;
  description?: string;
  error?: string | undefined;
  onChange: (html: string, text: string) => void;
  /** HTML to start with (a parent inserting a macro's text remounts the editor with it). */
  initialContent?: string;
}) {
  const id = useId();
  const editor = useEditor({
    extensions: [StarterKit.configure({ link: { openOnClick: false, protocols: ["http", "https", "mailto"] } })],
    editorProps: {
      attributes: {
        role: "textbox",
        "aria-multiline": "true",
        "aria-labelledby": `${id}-label`,
        class: "rich-text-content",
        ...(error ? { "aria-invalid": "true", "aria-describedby": `${id}-error` } : {}),
      },
    },
    ...(initialContent ? { content: initialContent } : {}),
    // The parent learns the starting content too, as if it had been typed.
    onCreate: ({ editor: current }) => {
      if (initialContent) onChange(current.getHTML(), current.getText());
    },
    onUpdate: ({ editor: current }) => onChange(current.getHTML(), current.getText()),
    immediatelyRender: false,
  });
  const active = useEditorState({
    editor,
    selector: ({ editor: current }) =>
      Object.fromEntries(
        [...controls, { label: "Link", mark: "link" }].map((c) => [c.label, current?.isActive(c.mark) ?? false]),
      ),
  });

  const toggleLink = () => {
    if (!editor) return;
    if (editor.isActive("link")) {
      editor.chain().focus().unsetLink().run();
      return;
    }
    const href = window.prompt("Link address (https://…)");
    if (href && /^(https?:|mailto:)/i.test(href.trim())) editor.chain().focus().setLink({ href: href.trim() }).run();
  };

  return (
    <Input.Wrapper
      label={label}
      description={description}
      error={error}
      labelProps={{ id: `${id}-label`, component: "div" }}
      errorProps={{ id: `${id}-error` }}
    >
      <Paper withBorder radius="md" mt={4}>
        <Group
          gap={4}
          p={6}
          role="toolbar"
          aria-label={`${label} formatting`}
          style={{ borderBottom: "1px solid var(--mantine-color-gray-3)" }}
        >
          {controls.map((control) => (
            <Button
              key={control.label}
              size="compact-xs"
              variant={active?.[control.label] ? "filled" : "default"}
              aria-pressed={active?.[control.label] ?? false}
              onClick={() => editor && control.run(editor)}
            >
              {control.label}
            </Button>
          ))}
          <Button
            size="compact-xs"
            variant={active?.Link ? "filled" : "default"}
            aria-pressed={active?.Link ?? false}
            onClick={toggleLink}
          >
            Link
          </Button>
        </Group>
        <EditorContent editor={editor} />
      </Paper>
    </Input.Wrapper>
  );
}
