import {
  Button,
  Group,
  NumberInput,
  PasswordInput,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { type Mailbox, type mailboxInputSchema, type OAuthProviderName, productNames } from "../../common/mailboxes.ts";
import { useGroups } from "../api/admin.ts";
import { useAdminCategories } from "../api/catalog-admin.ts";
import { useT } from "../i18n/use-t.ts";
import { Form } from "../ui/Form.tsx";
import { FormAlert } from "../ui/FormAlert.tsx";
import type { CollectionFormProps } from "./AdminCollectionPage.tsx";

type Values = {
  name: string;
  address: string;
  groupId: string | null;
  categoryId: string | null;
  active: boolean;
  acceptAutoFrom: string;
  useImap: boolean;
  host: string;
  port: number | string;
  tls: boolean;
  user: string;
  password: string;
  folder: string;
  signIn: "password" | "oauth2";
  provider: OAuthProviderName;
  tenant: string;
  clientId: string;
  clientSecret: string;
  issuer: string;
  authorizationUrl: string;
  tokenUrl: string;
  scopes: string;
  smtp: boolean;
};

export function MailboxForm({
  item: mailbox,
  submit,
  error,
  pending,
}: CollectionFormProps<typeof mailboxInputSchema, Mailbox>) {
  const t = useT();
  const providerOptions = [
    { value: "microsoft", label: productNames.microsoft },
    { value: "google", label: productNames.google },
    { value: "oidc", label: t("admin.mailboxForm.otherProvider") },
  ];
  const groups = useGroups().data?.groups ?? [];
  const categories = useAdminCategories().data?.categories ?? [];
  const form = useForm<Values>({
    initialValues: {
      name: mailbox?.name ?? "",
      address: mailbox?.address ?? "",
      groupId: mailbox?.groupId ?? null,
      categoryId: mailbox?.categoryId ?? null,
      active: mailbox?.active ?? true,
      acceptAutoFrom: mailbox?.acceptAutoFrom.join("\n") ?? "",
      useImap: mailbox?.imap !== null && mailbox?.imap !== undefined,
      host: mailbox?.imap?.host ?? "",
      port: mailbox?.imap?.port ?? 993,
      tls: mailbox?.imap?.tls ?? true,
      user: mailbox?.imap?.user ?? "",
      password: "",
      folder: mailbox?.imap?.folder ?? "INBOX",
      signIn: mailbox?.imap?.oauth ? "oauth2" : "password",
      provider: mailbox?.imap?.oauth?.provider ?? "microsoft",
      tenant: mailbox?.imap?.oauth?.tenant ?? "",
      clientId: mailbox?.imap?.oauth?.clientId ?? "",
      clientSecret: "",
      issuer: mailbox?.imap?.oauth?.issuer ?? "",
      authorizationUrl: mailbox?.imap?.oauth?.authorizationUrl ?? "",
      tokenUrl: mailbox?.imap?.oauth?.tokenUrl ?? "",
      scopes: mailbox?.imap?.oauth?.scopes ?? "",
      smtp: mailbox?.imap?.oauth?.smtp ?? false,
    },
  });
  const oauth = mailbox?.imap?.oauth;
  const onSubmit = form.onSubmit((v) =>
    submit(
      {
        name: v.name,
        address: v.address,
        groupId: v.groupId,
        categoryId: v.categoryId,
        active: v.active,
        acceptAutoFrom: v.acceptAutoFrom
          .split(/[\n,]/)
          .map((line) => line.trim())
          .filter(Boolean),
        imap: v.useImap
          ? {
              host: v.host,
              port: Number(v.port),
              tls: v.tls,
              user: v.user,
              ...(v.password && v.signIn === "password" ? { password: v.password } : {}),
              folder: v.folder,
              oauth:
                v.signIn === "oauth2"
                  ? {
                      provider: v.provider,
                      ...(v.provider === "microsoft" ? { tenant: v.tenant } : {}),
                      clientId: v.clientId,
                      ...(v.clientSecret ? { clientSecret: v.clientSecret } : {}),
                      ...(v.provider === "oidc"
                        ? { issuer: v.issuer, authorizationUrl: v.authorizationUrl, tokenUrl: v.tokenUrl }
                        : {}),
                      ...(v.scopes ? { scopes: v.scopes } : {}),
                      smtp: v.smtp,
                    }
                  : null,
            }
          : null,
      },
      // The server names IMAP fields "imap.host" and list entries "acceptAutoFrom.0"; the form keeps them flat.
      (fields) =>
        form.setErrors(
          Object.fromEntries(
            Object.entries(fields).map(([k, v]) => [k.replace(/^imap\.(oauth\.)?/, "").replace(/\.\d+$/, ""), v]),
          ),
        ),
    ),
  );
  return (
    <Form noValidate onSubmit={onSubmit}>
      <Stack gap="sm">
        <TextInput label={t("admin.form.name")} data-autofocus {...form.getInputProps("name")} />
        <TextInput
          label={t("admin.mailboxes.address")}
          description={t("admin.mailboxForm.addressHint")}
          {...form.getInputProps("address")}
        />
        <Select
          label={t("admin.services.group")}
          description={t("admin.mailboxForm.groupHint")}
          clearable
          data={groups.map((g) => ({ value: g.id, label: g.name }))}
          {...form.getInputProps("groupId")}
        />
        <Select
          label={t("admin.statuses.category")}
          description={t("admin.mailboxForm.categoryHint")}
          clearable
          data={categories.map((c) => ({ value: c.id, label: c.name }))}
          {...form.getInputProps("categoryId")}
        />
        <Switch
          label={t("admin.services.active")}
          description={t("admin.mailboxForm.activeHint")}
          {...form.getInputProps("active", { type: "checkbox" })}
        />
        <Textarea
          label={t("admin.mailboxForm.acceptAuto")}
          description={t("admin.mailboxForm.acceptAutoHint")}
          autosize
          minRows={2}
          {...form.getInputProps("acceptAutoFrom")}
        />
        <Switch
          label={t("admin.mailboxForm.useImap")}
          description={t("admin.mailboxForm.useImapHint")}
          {...form.getInputProps("useImap", { type: "checkbox" })}
        />
        {form.values.useImap && (
          <>
            <TextInput label={t("admin.mailboxForm.host")} {...form.getInputProps("host")} />
            <NumberInput label={t("admin.mailboxForm.port")} min={1} max={65535} {...form.getInputProps("port")} />
            <Switch label={t("admin.mailboxForm.tls")} {...form.getInputProps("tls", { type: "checkbox" })} />
            <TextInput label={t("admin.mailboxForm.user")} autoComplete="off" {...form.getInputProps("user")} />
            <Stack gap={4}>
              <Text size="sm" fw={500} id="mailbox-sign-in">
                {t("admin.mailboxForm.signInWith")}
              </Text>
              <SegmentedControl
                aria-labelledby="mailbox-sign-in"
                data={[
                  { value: "password", label: t("admin.mailboxForm.password") },
                  { value: "oauth2", label: productNames.oauth2 },
                ]}
                {...form.getInputProps("signIn")}
              />
            </Stack>
            {form.values.signIn === "password" ? (
              <PasswordInput
                label={t("admin.mailboxForm.password")}
                autoComplete="new-password"
                description={mailbox?.imap?.passwordSet ? t("admin.mailboxForm.keepPassword") : undefined}
                {...form.getInputProps("password")}
              />
            ) : (
              <>
                <Select
                  label={t("admin.mailboxForm.provider")}
                  allowDeselect={false}
                  data={providerOptions}
                  {...form.getInputProps("provider")}
                />
                {form.values.provider === "microsoft" && (
                  <TextInput
                    label={t("admin.mailboxForm.tenant")}
                    description={t("admin.mailboxForm.tenantHint")}
                    {...form.getInputProps("tenant")}
                  />
                )}
                {form.values.provider === "oidc" && (
                  <>
                    <TextInput
                      label={t("admin.mailboxForm.issuer")}
                      description={t("admin.mailboxForm.issuerHint")}
                      {...form.getInputProps("issuer")}
                    />
                    <TextInput
                      label={t("admin.mailboxForm.authorizationUrl")}
                      {...form.getInputProps("authorizationUrl")}
                    />
                    <TextInput label={t("admin.mailboxForm.tokenUrl")} {...form.getInputProps("tokenUrl")} />
                  </>
                )}
                <TextInput
                  label={t("admin.mailboxForm.clientId")}
                  autoComplete="off"
                  {...form.getInputProps("clientId")}
                />
                <PasswordInput
                  label={t("admin.mailboxForm.clientSecret")}
                  autoComplete="new-password"
                  description={oauth?.clientSecretSet ? t("admin.mailboxForm.keepSecret") : undefined}
                  {...form.getInputProps("clientSecret")}
                />
                <TextInput
                  label={t("admin.mailboxForm.scopes")}
                  description={t("admin.mailboxForm.scopesHint")}
                  {...form.getInputProps("scopes")}
                />
                <Switch
                  label={t("admin.mailboxForm.smtp")}
                  description={t("admin.mailboxForm.smtpHint")}
                  {...form.getInputProps("smtp", { type: "checkbox" })}
                />
                <Text size="sm">
                  {t.rich("admin.mailboxForm.redirectNote", {
                    uri: `${window.location.origin}/api/v1/admin/mailboxes/oauth/callback`,
                    code: (chunks) => <code>{chunks}</code>,
                  })}
                </Text>
              </>
            )}
            <TextInput label={t("admin.mailboxForm.folder")} {...form.getInputProps("folder")} />
          </>
        )}
        <FormAlert
          error={error}
          shown={[
            "name",
            "address",
            "groupId",
            "categoryId",
            "acceptAutoFrom",
            "host",
            "port",
            "user",
            "password",
            "folder",
            "provider",
            "tenant",
            "clientId",
            "clientSecret",
            "issuer",
            "authorizationUrl",
            "tokenUrl",
            "scopes",
          ]}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={pending}>
            {t("admin.form.save")}
          </Button>
        </Group>
      </Stack>
    </Form>
  );
}
