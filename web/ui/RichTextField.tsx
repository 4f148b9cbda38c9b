import { Button, Group, Input, Paper } from "@mantine/core";
import { type Editor, EditorContent, useEditor, useEditorState } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { useId } from "react";
import { type Translate, useT } from "../i18n/use-t.ts";

type Mark = "bold" | "italic" | "code" | "bulletList" | "orderedList" | "blockquote";
type Control = { mark: Mark; run: (editor: Editor) => void };

const controls: Control[] = [
  { mark: "bold", run: (e) => e.chain().focus().toggleBold().run() },
  { mark: "italic", run: (e) => e.chain().focus().toggleItalic().run() },
  { mark: "code", run: (e) => e.chain().focus().toggleCode().run() },
  { mark: "bulletList", run: (e) => e.chain().focus().toggleBulletList().run() },
  { mark: "orderedList", run: (e) => e.chain().focus().toggleOrderedList().run() },
  { mark: "blockquote", run: (e) => e.chain().focus().toggleBlockquote().run() },
];

function controlLabels(t: Translate): Record<Mark, string> {
  return {
    bold: t("requests.editor.bold"),
    italic: t("requests.editor.italic"),
    code: t("requests.editor.code"),
    bulletList: t("requests.editor.bulletList"),
    orderedList: t("requests.editor.orderedList"),
    blockquote: t("requests.editor.quote"),
  };
}

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
  autoFocus = false,
}: {
  label: string;
  description?: string;
  error?: string | undefined;
  onChange: (html: string, text: string) => void;
  /** HTML to start with (a parent inserting a macro's text remounts the editor with it). */
  initialContent?: string;
  /**
   * Takes the focus as it appears: a composer that has just sent its comment starts the next one where the writer
   * is, instead of leaving the focus on nothing (the page's top, for a keyboard or screen reader).
   */
  autoFocus?: boolean;
}) {
  const t = useT();
  const labels = controlLabels(t);
  const id = useId();
  const editor = useEditor({
    extensions: [StarterKit.configure({ link: { openOnClick: false, protocols: ["http", "https", "mailto"] } })],
    editorProps: {
      // Escape leaves the editor (what is typed stays), so the page's keys work again: the workspace's shortcuts
      // (u back to the list, e edit…) are not read while typing, and without a way out they were typed as text.
      handleKeyDown: (view, event) => {
        if (event.key !== "Escape") return false;
        view.dom.blur();
        return true;
      },
      attributes: {
        role: "textbox",
        "aria-multiline": "true",
        "aria-labelledby": `${id}-label`,
        class: "rich-text-content",
        ...(error ? { "aria-invalid": "true", "aria-describedby": `${id}-error` } : {}),
      },
    },
    ...(initialContent ? { content: initialContent } : {}),
    autofocus: autoFocus ? "end" : false,
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
        [...controls.map((c) => c.mark), "link"].map((mark) => [mark, current?.isActive(mark) ?? false]),
      ),
  });

  const toggleLink = () => {
    if (!editor) return;
    if (editor.isActive("link")) {
      editor.chain().focus().unsetLink().run();
      return;
    }
    const href = window.prompt(t("requests.editor.linkPrompt"));
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
          aria-label={t("requests.editor.toolbar", { label })}
          style={{ borderBottom: "1px solid var(--mantine-color-gray-3)" }}
        >
          {controls.map((control) => (
            <Button
              key={control.mark}
              size="compact-xs"
              variant={active?.[control.mark] ? "filled" : "default"}
              aria-pressed={active?.[control.mark] ?? false}
              // A click leaves the caret in the text: what is typed right after goes into it, never to the button
              // while the editor takes focus back (a busy machine lost the first word after Bold that way).
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => editor && control.run(editor)}
            >
              {labels[control.mark]}
            </Button>
          ))}
          <Button
            size="compact-xs"
            variant={active?.link ? "filled" : "default"}
            aria-pressed={active?.link ?? false}
            onClick={toggleLink}
          >
            {t("requests.editor.link")}
          </Button>
        </Group>
        <EditorContent editor={editor} />
      </Paper>
    </Input.Wrapper>
  );
}
