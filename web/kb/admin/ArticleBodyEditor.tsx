import { Button, Group, Input, Paper, Text } from "@mantine/core";
import Image from "@tiptap/extension-image";
import { Table, TableCell, TableHeader, TableRow } from "@tiptap/extension-table";
import { type Editor, EditorContent, mergeAttributes, Node, useEditor, useEditorState } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { useId, useRef, useState } from "react";
import { z } from "zod";
import { ApiError, sendForm } from "../../api/client.ts";

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

type Control = {
  label: string;
  active: (e: Editor) => boolean;
  run: (e: Editor) => void;
  /** Shown only while this holds (the row and column tools, inside a table). */
  shown?: (e: Editor) => boolean;
};
const inTable = (e: Editor) => e.isActive("table");

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
  {
    label: "Table",
    active: inTable,
    run: (e) => e.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
    shown: (e) => !inTable(e),
  },
  { label: "Add row", active: () => false, run: (e) => e.chain().focus().addRowAfter().run(), shown: inTable },
  { label: "Add column", active: () => false, run: (e) => e.chain().focus().addColumnAfter().run(), shown: inTable },
  { label: "Remove row", active: () => false, run: (e) => e.chain().focus().deleteRow().run(), shown: inTable },
  { label: "Remove column", active: () => false, run: (e) => e.chain().focus().deleteColumn().run(), shown: inTable },
  { label: "Remove table", active: () => false, run: (e) => e.chain().focus().deleteTable().run(), shown: inTable },
];

const uploaded = z.object({ id: z.string(), url: z.string(), fileName: z.string() });

/** Uploads an image for articles; the server stores it and answers the address the body points at. */
function uploadImage(file: File) {
  const form = new FormData();
  form.append("attachments", file, file.name);
  return sendForm("/api/v1/admin/kb/images", form, uploaded);
}

/**
 * The article editor: the formatting of the request editor plus headings, code blocks, callouts, tables
 * and uploaded images.
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
      // Images only from our own uploads (the server drops any other source); no pasted data: URLs.
      Image.configure({ allowBase64: false }),
      Table.configure({ resizable: false }),
      TableRow,
      TableHeader,
      TableCell,
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
      Object.fromEntries(
        controls.flatMap((c) => [
          [c.label, current ? c.active(current) : false],
          [`${c.label}:shown`, current ? (c.shown?.(current) ?? true) : !c.shown],
        ]),
      ),
  });
  const picker = useRef<HTMLInputElement>(null);
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<string | null>(null);
  async function insertImage(file: File) {
    setUploading(true);
    setUploadError(null);
    try {
      const image = await uploadImage(file);
      const alt = image.fileName.replace(/\.[a-z0-9]+$/i, "").replace(/[-_]+/g, " ");
      editor?.chain().focus().setImage({ src: image.url, alt }).run();
    } catch (error) {
      setUploadError(error instanceof ApiError ? error.message : "The image could not be uploaded. Try again.");
    } finally {
      setUploading(false);
    }
  }
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
          {controls
            .filter((control) => active?.[`${control.label}:shown`] ?? true)
            .map((control) => (
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
          <Button size="compact-xs" variant="default" loading={uploading} onClick={() => picker.current?.click()}>
            Image
          </Button>
          <input
            ref={picker}
            type="file"
            accept="image/png,image/jpeg,image/gif,image/webp"
            aria-label="Image to insert"
            hidden
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              event.currentTarget.value = "";
              if (file) void insertImage(file);
            }}
          />
        </Group>
        {uploadError && (
          <Text size="sm" c="red" px="sm" pt={4} role="alert">
            {uploadError}
          </Text>
        )}
        <EditorContent editor={editor} />
      </Paper>
    </Input.Wrapper>
  );
}
