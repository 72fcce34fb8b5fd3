import { test as base, expect, type Page } from "@playwright/test";
import { randomUUID } from "node:crypto";

export interface Account {
  name: string;
  email: string;
  password: string;
}

export function newAccount(prefix = "maker"): Account {
  const id = randomUUID().slice(0, 8);
  return { name: `${prefix[0]!.toUpperCase()}${prefix.slice(1)} ${id}`, email: `${prefix}-${id}@example.test`, password: `correct horse ${id}` };
}

/** The sign-up and sign-in forms' words in each language the specs walk through. */
const FORM_WORDS = {
  en: { name: "Name", email: "Email", password: "Password", signUp: "Create account", signIn: "Sign in" },
  "zh-CN": { name: "姓名", email: "邮箱", password: "密码", signUp: "创建账户", signIn: "登录" },
} as const;
type FormWords = (typeof FORM_WORDS)[keyof typeof FORM_WORDS];

/**
 * Sign-up, then sign-in. Starts on /sign-up unless already there (an invitation sends people
 * there); `lands` is where sign-in must end (null: wherever it goes).
 */
export async function signUp(
  page: Page,
  account: Account,
  { lands = /\/w\/[^/]+\/create$/ as RegExp | null, words = FORM_WORDS.en as FormWords } = {},
) {
  if (!new URL(page.url(), "http://x").pathname.startsWith("/sign-up")) await page.goto("/sign-up");
  await page.getByLabel(words.name).fill(account.name);
  await page.getByLabel(words.email).fill(account.email);
  await page.getByLabel(words.password).fill(account.password);
  await page.getByRole("button", { name: words.signUp }).click();
  // Sign-up never tells whether an email was new, so it hands on to sign-in rather than signing in.
  await expect(page).toHaveURL(/\/sign-in\?signedUp=1/);
  await signIn(page, account, words);
  if (lands) await expect(page).toHaveURL(lands);
}

/** Signs in through the form; stays on the current page when it already is the sign-in form. */
export async function signIn(page: Page, account: Pick<Account, "email" | "password">, words: FormWords = FORM_WORDS.en) {
  if (!new URL(page.url(), "http://x").pathname.startsWith("/sign-in")) await page.goto("/sign-in");
  await page.getByLabel(words.email).fill(account.email);
  await page.getByLabel(words.password).fill(account.password);
  await page.getByRole("button", { name: words.signIn, exact: true }).click();
}

/** The same through the Chinese forms (the page asked in zh-CN). */
export const signUpInChinese = (page: Page, account: Account, options: { lands?: RegExp | null } = {}) =>
  signUp(page, account, { ...options, words: FORM_WORDS["zh-CN"] });
export const signInInChinese = (page: Page, account: Pick<Account, "email" | "password">) => signIn(page, account, FORM_WORDS["zh-CN"]);

export async function signOut(page: Page) {
  await page.getByLabel("Account menu").click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/$/);
}

/** A page signed in as a brand-new account. Every test also fails on a CSP violation in its browser context. */
export const test = base.extend<{ account: Account; signedIn: Page; cspGuard: void }>({
  cspGuard: [
    async ({ context }, use) => {
      const violations: string[] = [];
      // Init scripts run outside the page's CSP, so the listener itself is never blocked.
      await context.addInitScript(() =>
        document.addEventListener("securitypolicyviolation", (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`)),
      );
      context.on("console", (message) => {
        if (/CSP violation|Content Security Policy/i.test(message.text())) violations.push(message.text());
      });
      await use();
      expect(violations, "the app runs under its Content-Security-Policy").toEqual([]);
    },
    { auto: true },
  ],
  account: async ({}, use) => {
    await use(newAccount());
  },
  signedIn: async ({ page, account }, use) => {
    await signUp(page, account);
    await use(page);
  },
});

export { expect };
