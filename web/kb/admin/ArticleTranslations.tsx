/**
 * The article editor's Translations section (issue 20): every language other than the help desk's default
 * with its translation's state, and a dialog to write one: title, summary and body, saved as a draft or
 * published. Who may
 * read a translation is always the article's, so there is nothing about visibility here.
 */
import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { useState } from "react";
import type { KbEditorArticle, KbEditorTranslation, KbTranslationStatus } from "../../../common/kb.ts";
import { directionOf, type Locale, localeNames, shippedLocales } from "../../../common/locales.ts";
import { ApiError } from "../../api/client.ts";
import { useArticleTranslations, useDeleteTranslation, useSaveTranslation } from "../../api/kb.ts";
import { useT } from "../../i18n/use-t.ts";
import { Dialog } from "../../ui/Dialog.tsx";
import { Form } from "../../ui/Form.tsx";
import { QueryView } from "../../ui/QueryView.tsx";
import { ArticleBodyEditor } from "./ArticleBodyEditor.tsx";
import { useStatusLabels } from "./status-labels.ts";

function TranslationForm({
  articleId,
  locale,
  translation,
}: {
  articleId: string;
  locale: Locale;
  translation: KbEditorTranslation | undefined;
}) {
  const t = useT();
  const language = localeNames[locale];
  const [values, setValues] = useState({
    title: translation?.title ?? "",
    summary: translation?.summary ?? "",
    body: translation?.body ?? "",
  });
  const [done, setDone] = useState<string | null>(null);
  const save = useSaveTranslation(articleId, locale);
  const remove = useDeleteTranslation(articleId, locale);
  const errors = save.error instanceof ApiError ? save.error.fields : {};
  const set = (key: keyof typeof values, value: string) => {
    setDone(null);
    setValues((v) => ({ ...v, [key]: value }));
  };
  const submit = (status: KbTranslationStatus) =>
    save.mutate({ ...values, status }, { onSuccess: () => setDone(t("kbadmin.translations.saved")) });
  // What the editor types is in this language: spell checkers and screen readers follow `lang`.
  const inLanguage = { lang: locale, dir: directionOf(locale) } as const;

  return (
    <Form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit(translation?.status ?? "draft");
      }}
    >
      <Stack gap="sm">
        <TextInput
          label={t("kbadmin.translations.fieldTitle", { language })}
          value={values.title}
          error={errors.title}
          onChange={(e) => set("title", e.currentTarget.value)}
          {...inLanguage}
        />
        <Textarea
          label={t("kbadmin.translations.fieldSummary", { language })}
          value={values.summary}
          error={errors.summary}
          autosize
          minRows={2}
          onChange={(e) => set("summary", e.currentTarget.value)}
          {...inLanguage}
        />
        <ArticleBodyEditor
          label={t("kbadmin.translations.fieldBody", { language })}
          lang={locale}
          initialContent={values.body}
          onChange={(body) => set("body", body)}
        />
        {save.isError && (
          <Alert color="red">{Object.keys(errors).length ? Object.values(errors).join(" ") : save.error.message}</Alert>
        )}
        {remove.isError && <Alert color="red">{remove.error.message}</Alert>}
        <Group>
          {translation?.status === "published" ? (
            <>
              <Button type="submit" loading={save.isPending}>
                {t("kbadmin.editor.save")}
              </Button>
              <Button variant="default" onClick={() => submit("draft")}>
                {t("kbadmin.translations.unpublish")}
              </Button>
            </>
          ) : (
            <>
              <Button type="submit" variant="default" loading={save.isPending}>
                {t("kbadmin.translations.saveDraft")}
              </Button>
              <Button onClick={() => submit("published")}>{t("kbadmin.translations.publish")}</Button>
            </>
          )}
          {translation && (
            <Button
              variant="subtle"
              color="red"
              loading={remove.isPending}
              onClick={() => remove.mutate(undefined, { onSuccess: () => setDone(t("kbadmin.translations.removed")) })}
            >
              {t("kbadmin.translations.remove")}
            </Button>
          )}
          {done && <Text role="status">{done}</Text>}
        </Group>
      </Stack>
    </Form>
  );
}

export function ArticleTranslations({ article }: { article: KbEditorArticle }) {
  const t = useT();
  const statusLabels = useStatusLabels();
  const list = useArticleTranslations(article.id);
  const [editing, setEditing] = useState<(typeof shippedLocales)[number] | null>(null);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="translations-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="translations-title">
          {t("kbadmin.translations.title")}
        </Title>
        <Text size="sm" c="dimmed">
          {t("kbadmin.translations.hint")}
        </Text>
        {article.status !== "published" && (
          <Alert color="yellow">{t("kbadmin.translations.articleNotPublished")}</Alert>
        )}
        <QueryView query={list} loading={t("kbadmin.translations.loading")}>
          {(data) => {
            const byLocale = new Map(data.translations.map((tr) => [tr.locale, tr]));
            const languages = shippedLocales.filter((l) => l !== data.defaultLocale);
            return (
              <>
                <Table aria-labelledby="translations-title">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t("kbadmin.translations.language")}</Table.Th>
                      <Table.Th>{t("kbadmin.translations.state")}</Table.Th>
                      <Table.Th>
                        <VisuallyHidden>{t("kbadmin.translations.actions")}</VisuallyHidden>
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {languages.map((locale) => {
                      const translation = byLocale.get(locale);
                      const language = localeNames[locale];
                      return (
                        <Table.Tr key={locale}>
                          <Table.Td lang={locale}>{language}</Table.Td>
                          <Table.Td>
                            <Badge
                              variant="dot"
                              c="dark.9"
                              color={translation ? (translation.status === "published" ? "green" : "yellow") : "gray"}
                            >
                              {translation ? statusLabels[translation.status] : t("kbadmin.translations.none")}
                            </Badge>
                          </Table.Td>
                          <Table.Td>
                            <Button
                              size="compact-sm"
                              variant="default"
                              onClick={() => setEditing(locale)}
                              aria-label={
                                translation
                                  ? t("kbadmin.translations.editLanguage", { language })
                                  : t("kbadmin.translations.addLanguage", { language })
                              }
                            >
                              {translation ? t("kbadmin.translations.edit") : t("kbadmin.translations.add")}
                            </Button>
                          </Table.Td>
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
                <Dialog
                  opened={editing !== null}
                  onClose={() => setEditing(null)}
                  title={editing ? t("kbadmin.translations.dialogTitle", { language: localeNames[editing] }) : ""}
                  size="xl"
                >
                  {editing && (
                    <TranslationForm
                      key={editing}
                      articleId={article.id}
                      locale={editing}
                      translation={byLocale.get(editing)}
                    />
                  )}
                </Dialog>
              </>
            );
          }}
        </QueryView>
      </Stack>
    </Paper>
  );
}
