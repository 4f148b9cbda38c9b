import { Button, Group, Input, Paper } from "@mantine/core";
import { type Editor, EditorContent, mergeAttributes, Node, useEditor, useEditorState } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { useId } from "react";

/** A callout: a highlighted box (info, tip or warning) that holds paragraphs; stored as <div data-callout>. */
const Callout = Node.create({
  name: "callout",
  group: "block",
  content: "block+",
  defining: true,
  addAttributes() {
    return {
      tone: {
        default: "info",
        parseHTML: (element) => element.getAttribute("data-callout") ?? "info",
        renderHTML: (attributes) => ({ "data-callout": attributes.tone }),
      },
    };
  },
  parseHTML() {
    return [{ tag: "div[data-callout]" }];
  },
  renderHTML({ HTMLAttributes }) {
    return ["div", mergeAttributes(HTMLAttributes), 0];
  },
});

type Control = { label: string; active: (e: Editor) => boolean; run: (e: Editor) => void };

const controls: Control[] = [
  {
    label: "Heading",
    active: (e) => e.isActive("heading", { level: 2 }),
    run: (e) => e.chain().focus().toggleHeading({ level: 2 }).run(),
  },
  {
    label: "Subheading",
    active: (e) => e.isActive("heading", { level: 3 }),
    run: (e) => e.chain().focus().toggleHeading({ level: 3 }).run(),
  },
  { label: "Bold", active: (e) => e.isActive("bold"), run: (e) => e.chain().focus().toggleBold().run() },
  { label: "Italic", active: (e) => e.isActive("italic"), run: (e) => e.chain().focus().toggleItalic().run() },
  {
    label: "Bulleted list",
    active: (e) => e.isActive("bulletList"),
    run: (e) => e.chain().focus().toggleBulletList().run(),
  },
  {
    label: "Numbered list",
    active: (e) => e.isActive("orderedList"),
    run: (e) => e.chain().focus().toggleOrderedList().run(),
  },
  {
    label: "Code block",
    active: (e) => e.isActive("codeBlock"),
    run: (e) => e.chain().focus().toggleCodeBlock().run(),
  },
  { label: "Quote", active: (e) => e.isActive("blockquote"), run: (e) => e.chain().focus().toggleBlockquote().run() },
  {
    label: "Callout",
    active: (e) => e.isActive("callout"),
    run: (e) =>
      e.isActive("callout") ? e.chain().focus().lift("callout").run() : e.chain().focus().wrapIn("callout").run(),
  },
];

/**
 * The article editor: the formatting of the request editor plus headings, code blocks and callouts.
 * It hands back HTML, which the server sanitises again (server/kb/article-html.ts).
 */
export function ArticleBodyEditor({
  initialContent,
  onChange,
}: {
  initialContent: string;
  onChange: (html: string) => void;
}) {
  const id = useId();
  const editor = useEditor({
    extensions: [
      StarterKit.configure({
        heading: { levels: [2, 3, 4] },
        link: { openOnClick: false, protocols: ["http", "https", "mailto"] },
      }),
      Callout,
    ],
    editorProps: {
      attributes: {
        role: "textbox",
        "aria-multiline": "true",
        "aria-labelledby": `${id}-label`,
        class: "rich-text-content kb-article-body",
      },
    },
    content: initialContent,
    onUpdate: ({ editor: current }) => onChange(current.getHTML()),
    immediatelyRender: false,
  });
  const active = useEditorState({
    editor,
    selector: ({ editor: current }) =>
      Object.fromEntries(controls.map((c) => [c.label, current ? c.active(current) : false])),
  });
  return (
    <Input.Wrapper label="Article" labelProps={{ id: `${id}-label`, component: "div" }}>
      <Paper withBorder radius="md" mt={4}>
        <Group
          gap={4}
          p={6}
          role="toolbar"
          aria-label="Article formatting"
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
        </Group>
        <EditorContent editor={editor} />
      </Paper>
    </Input.Wrapper>
  );
}
