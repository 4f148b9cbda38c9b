/** Stripe-style signatures: the receiver proves the body came from us, unchanged, recently (docs/webhooks.md). */
import { createHmac, randomBytes } from "node:crypto";

/** A fresh signing secret; the prefix tells people what it is when it turns up in a config file. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64url")}`;
}

/** The Switchboard-Signature header: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>"> keyed by the secret. */
export function signatureHeader(secret: string, body: string, timestamp: number): string {
  const digest = createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
  return `t=${timestamp},v1=${digest}`;
}
