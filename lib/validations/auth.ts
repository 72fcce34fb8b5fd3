import { z } from "zod";

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
    name: z.string().trim().min(1, "Enter your name.").max(80, "Keep your name under 80 characters."),
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

// Only same-site paths: an open redirect after sign-in or sign-up is a phishing tool.
export const callbackUrlSchema = z
  .string()
  .optional()
  .transform((v) => (v && v.startsWith("/") && !v.startsWith("//") && !v.startsWith("/\\") ? v : "/w"));
