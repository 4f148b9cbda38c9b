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
import type { Mailbox, mailboxInputSchema, OAuthProviderName } from "../../common/mailboxes.ts";
import { useGroups } from "../api/admin.ts";
import { useAdminCategories } from "../api/catalog-admin.ts";
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

const providerOptions = [
  { value: "microsoft", label: "Microsoft 365" },
  { value: "google", label: "Google" },
  { value: "oidc", label: "Other OAuth2 / OpenID Connect provider" },
];

export function MailboxForm({
  item: mailbox,
  submit,
  error,
  pending,
}: CollectionFormProps<typeof mailboxInputSchema, Mailbox>) {
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
    <form noValidate onSubmit={onSubmit}>
      <Stack gap="sm">
        <TextInput label="Name" data-autofocus {...form.getInputProps("name")} />
        <TextInput
          label="Address"
          description="The address people write to, like help@example.com. Replies go to it with a signed tag."
          {...form.getInputProps("address")}
        />
        <Select
          label="Group"
          description="The agent group new requests from this address go to."
          clearable
          data={groups.map((g) => ({ value: g.id, label: g.name }))}
          {...form.getInputProps("groupId")}
        />
        <Select
          label="Category"
          description="The category new requests get; the first one when none is chosen."
          clearable
          data={categories.map((c) => ({ value: c.id, label: c.name }))}
          {...form.getInputProps("categoryId")}
        />
        <Switch
          label="Active"
          description="Mail for a switched-off mailbox is refused and its IMAP account is not polled."
          {...form.getInputProps("active", { type: "checkbox" })}
        />
        <Textarea
          label="Accept automatic mail from"
          description="Automatic mail (Auto-Submitted, bulk) is ignored, except from these senders: one address (alerts@example.com) or domain (@example.com) per line. Their mail opens requests and is never answered."
          autosize
          minRows={2}
          {...form.getInputProps("acceptAutoFrom")}
        />
        <Switch
          label="Fetch mail from an IMAP account"
          description="Without one, mail for this address must reach the built-in SMTP receiver."
          {...form.getInputProps("useImap", { type: "checkbox" })}
        />
        {form.values.useImap && (
          <>
            <TextInput label="IMAP server" {...form.getInputProps("host")} />
            <NumberInput label="Port" min={1} max={65535} {...form.getInputProps("port")} />
            <Switch label="Use TLS" {...form.getInputProps("tls", { type: "checkbox" })} />
            <TextInput label="User name" autoComplete="off" {...form.getInputProps("user")} />
            <Stack gap={4}>
              <Text size="sm" fw={500} id="mailbox-sign-in">
                Sign in with
              </Text>
              <SegmentedControl
                aria-labelledby="mailbox-sign-in"
                data={[
                  { value: "password", label: "Password" },
                  { value: "oauth2", label: "OAuth2" },
                ]}
                {...form.getInputProps("signIn")}
              />
            </Stack>
            {form.values.signIn === "password" ? (
              <PasswordInput
                label="Password"
                autoComplete="new-password"
                description={mailbox?.imap?.passwordSet ? "Leave empty to keep the stored password." : undefined}
                {...form.getInputProps("password")}
              />
            ) : (
              <>
                <Select
                  label="Provider"
                  allowDeselect={false}
                  data={providerOptions}
                  {...form.getInputProps("provider")}
                />
                {form.values.provider === "microsoft" && (
                  <TextInput
                    label="Tenant"
                    description="The directory (tenant) id or domain of your Microsoft 365 organisation."
                    {...form.getInputProps("tenant")}
                  />
                )}
                {form.values.provider === "oidc" && (
                  <>
                    <TextInput
                      label="Issuer URL"
                      description="Its endpoints are read from the issuer's discovery document; or enter both below."
                      {...form.getInputProps("issuer")}
                    />
                    <TextInput label="Authorization endpoint" {...form.getInputProps("authorizationUrl")} />
                    <TextInput label="Token endpoint" {...form.getInputProps("tokenUrl")} />
                  </>
                )}
                <TextInput label="Client id" autoComplete="off" {...form.getInputProps("clientId")} />
                <PasswordInput
                  label="Client secret"
                  autoComplete="new-password"
                  description={oauth?.clientSecretSet ? "Leave empty to keep the stored secret." : undefined}
                  {...form.getInputProps("clientSecret")}
                />
                <TextInput
                  label="Scopes"
                  description="Leave empty for the provider's usual ones (see the mail documentation)."
                  {...form.getInputProps("scopes")}
                />
                <Switch
                  label="Send outgoing mail as this account"
                  description="Mail sent through SMTP_URL signs in as this account with the same OAuth2 token (XOAUTH2)."
                  {...form.getInputProps("smtp", { type: "checkbox" })}
                />
                <Text size="sm">
                  After saving, connect the mailbox with the Connect button: you sign in at the provider as the
                  mailbox's account. Register this redirect URI with the provider:{" "}
                  <code>{`${window.location.origin}/api/v1/admin/mailboxes/oauth/callback`}</code>
                </Text>
              </>
            )}
            <TextInput label="Folder" {...form.getInputProps("folder")} />
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
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
