import { z } from "zod";
import { lineTextSchema } from "@/lib/validations/text";

// Messages are codes of the errors catalogue (lib/i18n/problems.ts); bounds without one get the
// wrapper's field.* codes, which carry the bound.

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
  .pipe(z.email({ error: "auth.emailInvalid" }));

export const signUpSchema = z
  .object({
    name: lineTextSchema.trim().min(1, "auth.nameRequired").max(80),
    email: emailSchema,
    password: z.string().min(PASSWORD_MIN_LENGTH).max(200),
  })
  .superRefine((v, ctx) => {
    const lower = v.password.toLowerCase();
    const local = v.email.split("@")[0] ?? "";
    if (COMMON_PASSWORDS.has(lower) || /^(.)\1+$/.test(v.password)) {
      ctx.addIssue({ code: "custom", path: ["password"], message: "auth.passwordCommon" });
    } else if (local.length >= 4 && lower.includes(local)) {
      ctx.addIssue({ code: "custom", path: ["password"], message: "auth.passwordHasEmail" });
    }
  });

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "auth.passwordRequired").max(200),
});

export type SignUpInput = z.infer<typeof signUpSchema>;

/** Where to go after signing in or up; checked by safeReturnPath (lib/http/return-path.ts) where it is used. */
export const callbackUrlSchema = z.string().max(4096).optional().catch(undefined);

/**
 * A sign-in refused by the rate limit carries `rate_limited_<seconds>` as Auth.js's error code: in
 * the thrown error for the sign-in action, in the `code` query parameter when Auth.js's own route
 * redirects to the sign-in page. Both show when to try again.
 */
export const signInThrottleCode = (retryAfterMs: number) => `rate_limited_${Math.max(1, Math.ceil(retryAfterMs / 1000))}`;

export function signInThrottleMs(code: unknown): number | null {
  const match = typeof code === "string" ? /^rate_limited_(\d{1,6})$/.exec(code) : null;
  return match ? Number(match[1]) * 1000 : null;
}
