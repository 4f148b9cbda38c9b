import { Button, Group, Input, Paper, Text } from "@mantine/core";
import Image from "@tiptap/extension-image";
import { Table, TableCell, TableHeader, TableRow } from "@tiptap/extension-table";
import { type Editor, EditorContent, mergeAttributes, Node, useEditor, useEditorState } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { useId, useRef, useState } from "react";
import { z } from "zod";
import { ApiError, sendForm } from "../../api/client.ts";
import { useT } from "../../i18n/use-t.ts";

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

type ControlName =
  | "heading"
  | "subheading"
  | "bold"
  | "italic"
  | "bulletedList"
  | "numberedList"
  | "codeBlock"
  | "quote"
  | "callout"
  | "table"
  | "addRow"
  | "addColumn"
  | "removeRow"
  | "removeColumn"
  | "removeTable";

type Control = {
  /** Stable across languages: it keys the toolbar's state; the button says the translated label. */
  name: ControlName;
  active: (e: Editor) => boolean;
  run: (e: Editor) => void;
  /** Shown only while this holds (the row and column tools, inside a table). */
  shown?: (e: Editor) => boolean;
};
const inTable = (e: Editor) => e.isActive("table");

const controls: Control[] = [
  {
    name: "heading",
    active: (e) => e.isActive("heading", { level: 2 }),
    run: (e) => e.chain().focus().toggleHeading({ level: 2 }).run(),
  },
  {
    name: "subheading",
    active: (e) => e.isActive("heading", { level: 3 }),
    run: (e) => e.chain().focus().toggleHeading({ level: 3 }).run(),
  },
  { name: "bold", active: (e) => e.isActive("bold"), run: (e) => e.chain().focus().toggleBold().run() },
  { name: "italic", active: (e) => e.isActive("italic"), run: (e) => e.chain().focus().toggleItalic().run() },
  {
    name: "bulletedList",
    active: (e) => e.isActive("bulletList"),
    run: (e) => e.chain().focus().toggleBulletList().run(),
  },
  {
    name: "numberedList",
    active: (e) => e.isActive("orderedList"),
    run: (e) => e.chain().focus().toggleOrderedList().run(),
  },
  {
    name: "codeBlock",
    active: (e) => e.isActive("codeBlock"),
    run: (e) => e.chain().focus().toggleCodeBlock().run(),
  },
  { name: "quote", active: (e) => e.isActive("blockquote"), run: (e) => e.chain().focus().toggleBlockquote().run() },
  {
    name: "callout",
    active: (e) => e.isActive("callout"),
    run: (e) =>
      e.isActive("callout") ? e.chain().focus().lift("callout").run() : e.chain().focus().wrapIn("callout").run(),
  },
  {
    name: "table",
    active: inTable,
    run: (e) => e.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
    shown: (e) => !inTable(e),
  },
  { name: "addRow", active: () => false, run: (e) => e.chain().focus().addRowAfter().run(), shown: inTable },
  { name: "addColumn", active: () => false, run: (e) => e.chain().focus().addColumnAfter().run(), shown: inTable },
  { name: "removeRow", active: () => false, run: (e) => e.chain().focus().deleteRow().run(), shown: inTable },
  { name: "removeColumn", active: () => false, run: (e) => e.chain().focus().deleteColumn().run(), shown: inTable },
  { name: "removeTable", active: () => false, run: (e) => e.chain().focus().deleteTable().run(), shown: inTable },
];

const uploaded = z.object({ id: z.string(), url: z.string(), fileName: z.string() });

/** Uploads an image for articles; the server stores it and answers the address the body points at. */
function uploadImage(file: File) {
  const form = new FormData();
  form.append("attachments", file, file.name);
  return sendForm("/api/v1/admin/kb/images", form, uploaded);
}

/** The toolbar's words, one literal key each so the catalog check sees them used. */
function useControlLabels(): Record<ControlName, string> {
  const t = useT();
  return {
    heading: t("kbadmin.body.heading"),
    subheading: t("kbadmin.body.subheading"),
    bold: t("kbadmin.body.bold"),
    italic: t("kbadmin.body.italic"),
    bulletedList: t("kbadmin.body.bulletedList"),
    numberedList: t("kbadmin.body.numberedList"),
    codeBlock: t("kbadmin.body.codeBlock"),
    quote: t("kbadmin.body.quote"),
    callout: t("kbadmin.body.callout"),
    table: t("kbadmin.body.table"),
    addRow: t("kbadmin.body.addRow"),
    addColumn: t("kbadmin.body.addColumn"),
    removeRow: t("kbadmin.body.removeRow"),
    removeColumn: t("kbadmin.body.removeColumn"),
    removeTable: t("kbadmin.body.removeTable"),
  };
}

/**
 * The article editor: the formatting of the request editor plus headings, code blocks, callouts, tables
 * and uploaded images.
 * It hands back HTML, which the server sanitises again (server/kb/article-html.ts).
 */
export function ArticleBodyEditor({
  initialContent,
  onChange,
  label,
  lang,
}: {
  initialContent: string;
  onChange: (html: string) => void;
  /** A translation's editor says which language its text is in. */
  label?: string;
  /** The language of the text, for the browser's spelling and a screen reader's voice. */
  lang?: string;
}) {
  const t = useT();
  const labels = useControlLabels();
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
        ...(lang ? { lang } : {}),
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
          [c.name, current ? c.active(current) : false],
          [`${c.name}:shown`, current ? (c.shown?.(current) ?? true) : !c.shown],
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
      setUploadError(error instanceof ApiError ? error.message : t("kbadmin.body.uploadFailed"));
    } finally {
      setUploading(false);
    }
  }
  return (
    <Input.Wrapper label={label ?? t("kbadmin.body.label")} labelProps={{ id: `${id}-label`, component: "div" }}>
      <Paper withBorder radius="md" mt={4}>
        <Group
          gap={4}
          p={6}
          role="toolbar"
          aria-label={t("kbadmin.body.toolbar")}
          style={{ borderBottom: "1px solid var(--mantine-color-gray-3)" }}
        >
          {controls
            .filter((control) => active?.[`${control.name}:shown`] ?? true)
            .map((control) => (
              <Button
                key={control.name}
                size="compact-xs"
                variant={active?.[control.name] ? "filled" : "default"}
                aria-pressed={active?.[control.name] ?? false}
                // The caret stays in the article, so typing right after a click goes into it (as in RichTextField).
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => editor && control.run(editor)}
              >
                {labels[control.name]}
              </Button>
            ))}
          <Button size="compact-xs" variant="default" loading={uploading} onClick={() => picker.current?.click()}>
            {t("kbadmin.body.image")}
          </Button>
          <input
            ref={picker}
            type="file"
            accept="image/png,image/jpeg,image/gif,image/webp"
            aria-label={t("kbadmin.body.imageToInsert")}
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
