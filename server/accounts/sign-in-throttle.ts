/**
 * Password guessing is slowed down where it comes from, and never turned into
 * a way to lock the owner out (ten wrong passwords from anywhere used to shut
 * the account for fifteen minutes):
 *
 * - per client address: attempts for any account (`perIp`); a correct password takes its own back;
 * - per account and address: attempts (`perPair`); a correct password clears it;
 * - per account, from anywhere: wrong passwords in the last hour (`perAccount`).
 *   Past its threshold the account is "being guessed": each address gets far
 *   fewer wrong tries for it (`perPairUnderAttack`), and the owner is told by
 *   mail, once per window. No address is refused before its first try, so
 *   the owner with the right password gets in from any address, new or not.
 *
 * Attempts are counted before the password is checked (atomically, so a burst
 * of parallel requests cannot slip through a check-then-count gap) and taken
 * back when the password was right: an office behind one address is not
 * throttled for signing in. Unknown addresses are counted exactly like
 * accounts, so the answers never reveal whether an account exists.
 */
import type { SignIn } from "../../common/accounts.ts";
import type { AppContext } from "../core/context.ts";
import { AppError } from "../core/errors.ts";
import { recipientTranslator } from "../i18n/recipient.ts";
import { queueMail } from "../mail/outbox.ts";
import { signInAttempts } from "../mail/templates/sign-in-attempts.ts";
import { type SignedIn, signIn } from "./commands/sign-in.ts";
import { nameIfConfirmed } from "./confirmed-address.ts";
import { findUserByEmail, normalizeEmail } from "./queries.ts";
import { clearHits, clientAddressKey, countHit, hit, type Limit, peekHits, refundHit } from "./rate-limit.ts";

const fifteenMinutes = 15 * 60 * 1000;
const hour = 60 * 60 * 1000;

export const signInThrottle = {
  perIp: { max: 30, windowMs: fifteenMinutes },
  perPair: { max: 10, windowMs: fifteenMinutes },
  perPairUnderAttack: 3,
  perAccount: { max: 10, windowMs: hour },
} satisfies Record<string, Limit | number>;

type Ctx = Pick<AppContext, "db" | "config">;

const keys = (ip: string, email: string) => ({
  ip: `signIn:ip:${clientAddressKey(ip)}`,
  pair: `signIn:pair:${email}:${clientAddressKey(ip)}`,
  ...accountKeys(email),
});
const accountKeys = (email: string) => ({ account: `signIn:account:${email}`, told: `signIn:told:${email}` });

function tooMany(): AppError {
  return new AppError(
    "rate_limited",
    "Too many attempts from your address for this account. Wait a few minutes, or reset your password.",
  );
}

/** Signs in through the throttle (see above); with rate limiting off, straight through. */
export async function throttledSignIn(ctx: Ctx, input: SignIn, ip: string, at = new Date()): Promise<SignedIn> {
  const { db, config } = ctx;
  if (!config.rateLimiting) return signIn(db, input);
  const email = normalizeEmail(input.email);
  const key = keys(ip, email);
  if ((await countHit(db, key.ip, signInThrottle.perIp, at)) > signInThrottle.perIp.max) throw tooMany();
  const guessed = (await peekHits(db, key.account, signInThrottle.perAccount, at)) >= signInThrottle.perAccount.max;
  const allowed = guessed ? signInThrottle.perPairUnderAttack : signInThrottle.perPair.max;
  if ((await countHit(db, key.pair, signInThrottle.perPair, at)) > allowed) throw tooMany();
  try {
    const signedIn = await signIn(db, input);
    await refundHit(db, key.ip);
    await clearHits(db, key.pair);
    return signedIn;
  } catch (error) {
    if (error instanceof AppError && error.code === "invalid_credentials") await recordFailure(ctx, email, at);
    throw error;
  }
}

/** Counts a wrong password for the account as a whole, and tells the owner once it is being guessed. */
async function recordFailure(ctx: Ctx, email: string, at: Date): Promise<void> {
  const { db, config } = ctx;
  const key = accountKeys(email);
  const failures = await countHit(db, key.account, signInThrottle.perAccount, at);
  if (failures < signInThrottle.perAccount.max) return;
  // Once per window: the first failure past the threshold takes the "told" slot.
  if (!(await hit(db, key.told, { max: 1, windowMs: signInThrottle.perAccount.windowMs }, at))) return;
  await db.transaction().execute(async (trx) => {
    const user = await findUserByEmail(trx, email);
    if (!user || user.disabled_at) return;
    await queueMail(
      trx,
      {
        template: "sign-in-attempts",
        to: user.email,
        content: signInAttempts(await recipientTranslator(trx, user.email), {
          name: nameIfConfirmed(user),
          failures,
          resetUrl: `${config.baseUrl}/forgot-password`,
        }),
      },
      { baseUrl: config.baseUrl, at: at.toISOString() },
    );
  });
}
