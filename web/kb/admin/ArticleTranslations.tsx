/**
 * The article editor's Translations section (issue 20): a tab per language other than the help desk's
 * default, each with the translation's title, summary and body and its own draft/published state. Who may
 * read a translation is always the article's, so there is nothing about visibility here.
 */
import { Alert, Badge, Button, Group, Paper, Stack, Tabs, Text, Textarea, TextInput, Title } from "@mantine/core";
import { useState } from "react";
import type { KbEditorArticle, KbEditorTranslation, KbTranslationStatus } from "../../../common/kb.ts";
import { directionOf, type Locale, localeNames, shippedLocales } from "../../../common/locales.ts";
import { ApiError } from "../../api/client.ts";
import { useArticleTranslations, useDeleteTranslation, useSaveTranslation } from "../../api/kb.ts";
import { useT } from "../../i18n/use-t.ts";
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
    <form
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
    </form>
  );
}

export function ArticleTranslations({ article }: { article: KbEditorArticle }) {
  const t = useT();
  const statusLabels = useStatusLabels();
  const list = useArticleTranslations(article.id);
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
            const languages = shippedLocales.filter((l) => l !== data.defaultLocale);
            const byLocale = new Map(data.translations.map((tr) => [tr.locale, tr]));
            return (
              <Tabs defaultValue={languages[0]} keepMounted={false}>
                <Tabs.List aria-label={t("kbadmin.translations.languages")}>
                  {languages.map((locale) => {
                    const translation = byLocale.get(locale);
                    return (
                      <Tabs.Tab key={locale} value={locale}>
                        <Group gap={6} wrap="nowrap">
                          <span lang={locale}>{localeNames[locale]}</span>
                          <Badge
                            size="xs"
                            variant="dot"
                            c="dark.9"
                            color={translation ? (translation.status === "published" ? "green" : "yellow") : "gray"}
                          >
                            {translation ? statusLabels[translation.status] : t("kbadmin.translations.none")}
                          </Badge>
                        </Group>
                      </Tabs.Tab>
                    );
                  })}
                </Tabs.List>
                {languages.map((locale) => {
                  const translation = byLocale.get(locale);
                  return (
                    <Tabs.Panel key={locale} value={locale} pt="sm">
                      <TranslationForm articleId={article.id} locale={locale} translation={translation} />
                    </Tabs.Panel>
                  );
                })}
              </Tabs>
            );
          }}
        </QueryView>
      </Stack>
    </Paper>
  );
}
