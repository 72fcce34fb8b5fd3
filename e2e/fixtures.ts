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

/** The Chinese sign-in form (the page asked in zh-CN); stays wherever the form sends the person. */
export async function signInInChinese(page: Page, account: Pick<Account, "email" | "password">) {
  await page.getByLabel("邮箱").fill(account.email);
  await page.getByLabel("密码").fill(account.password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
}

/**
 * Sign-up, then sign-in, through the Chinese forms. Starts on /sign-up unless already there (an
 * invitation sends people there); `lands` is where sign-in must end (null: wherever it goes).
 */
export async function signUpInChinese(page: Page, account: Account, { lands = /\/w\/[^/]+\/create$/ as RegExp | null } = {}) {
  if (!new URL(page.url(), "http://x").pathname.startsWith("/sign-up")) await page.goto("/sign-up");
  await page.getByLabel("姓名").fill(account.name);
  await page.getByLabel("邮箱").fill(account.email);
  await page.getByLabel("密码").fill(account.password);
  await page.getByRole("button", { name: "创建账户" }).click();
  await expect(page).toHaveURL(/\/sign-in\?signedUp=1/);
  await signInInChinese(page, account);
  if (lands) await expect(page).toHaveURL(lands);
}

export async function signUp(page: Page, account: Account) {
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill(account.name);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Create account" }).click();
  // Sign-up never tells whether an email was new, so it hands on to sign-in rather than signing in.
  await expect(page).toHaveURL(/\/sign-in\?signedUp=1/);
  await signIn(page, account);
  await expect(page).toHaveURL(/\/w\/[^/]+\/create$/);
}

/** Signs in through the form; stays on the current page when it already is the sign-in form. */
export async function signIn(page: Page, account: Pick<Account, "email" | "password">) {
  if (!new URL(page.url()).pathname.startsWith("/sign-in")) await page.goto("/sign-in");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

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
