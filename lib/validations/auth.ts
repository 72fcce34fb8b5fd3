import { z } from "zod";
import { lineTextSchema } from "@/lib/validations/text";

// The handful of passwords that every credential-stuffing list starts with.
const COMMON_PASSWORDS = new Set([
  "password",
  "password1",
  "password123",
  "123456789",
  "1234567890",
  "qwertyuiop",
  "iloveyou",
  "letmein123",
  "welcome123",
  "admin12345",
  "passw0rd",
  "abc1234567",
]);

export const PASSWORD_MIN_LENGTH = 10;

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "Enter a valid email address." }));

export const signUpSchema = z
  .object({
    name: lineTextSchema.trim().min(1, "Enter your name.").max(80, "Keep your name under 80 characters."),
    email: emailSchema,
    password: z
      .string()
      .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
      .max(200, "Use at most 200 characters."),
  })
  .superRefine((v, ctx) => {
    const lower = v.password.toLowerCase();
    const local = v.email.split("@")[0] ?? "";
    if (COMMON_PASSWORDS.has(lower) || /^(.)\1+$/.test(v.password)) {
      ctx.addIssue({ code: "custom", path: ["password"], message: "This password is too easy to guess." });
    } else if (local.length >= 4 && lower.includes(local)) {
      ctx.addIssue({ code: "custom", path: ["password"], message: "Don't use your email address in your password." });
    }
  });

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "Enter your password.").max(200),
});

export type SignUpInput = z.infer<typeof signUpSchema>;

/** Sign-up sends everyone to sign-in with these words, whether the email was new or not (see sign-up). */
export const SIGNED_UP_NOTICE =
  "If this email was new, your account is ready: sign in with the password you just chose. If it already had an account, sign in with that account's password.";

/** Where to go after signing in or up; checked by safeReturnPath (lib/http/return-path.ts) where it is used. */
export const callbackUrlSchema = z.string().max(4096).optional().catch(undefined);

/**
 * A sign-in refused by the rate limit carries `rate_limited_<seconds>` as Auth.js's error code: in
 * the thrown error for the sign-in action, in the `code` query parameter when Auth.js's own route
 * redirects to the sign-in page. Both show when to try again.
 */
export const signInThrottleCode = (retryAfterMs: number) => `rate_limited_${Math.max(1, Math.ceil(retryAfterMs / 1000))}`;

export function signInThrottledMessage(retryAfterMs: number): string {
  const minutes = Math.ceil(retryAfterMs / 60_000);
  const when = minutes <= 1 ? "in a minute" : `in ${minutes} minutes`;
  return `Too many sign-in attempts. For your account's safety, try again ${when}.`;
}

export function signInThrottleMs(code: unknown): number | null {
  const match = typeof code === "string" ? /^rate_limited_(\d{1,6})$/.exec(code) : null;
  return match ? Number(match[1]) * 1000 : null;
}
