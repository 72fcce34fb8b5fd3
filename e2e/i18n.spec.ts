import type { Page } from "@playwright/test";
import { expect, newAccount, signIn, signUp, test } from "./fixtures";

const switcher = (page: Page) => page.getByRole("combobox", { name: /^(Language|语言)$/ });

test.describe("a visitor whose browser asks for Chinese", () => {
  test.use({ locale: "zh-CN" });

  test("sees the signed-out pages in Simplified Chinese", async ({ page }) => {
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(switcher(page)).toHaveValue("zh-CN");
  });
});

test.describe("a visitor whose browser asks for English", () => {
  test.use({ locale: "en-US" });

  test("sees English, and the switcher changes the language for the next visits", async ({ page }) => {
    await page.goto("/sign-in");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(switcher(page)).toHaveValue("en");
    // Each language is offered in its own name.
    await expect(switcher(page).getByRole("option")).toHaveText(["English", "简体中文"]);

    await switcher(page).selectOption("zh-CN");
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  });
});

test("a signed-in person's choice follows them to a new browser", async ({ page, browser }) => {
  const account = newAccount("polyglot");
  await signUp(page, account);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await switcher(page).selectOption("zh-CN");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");

  // A fresh context: no cookies, and a browser that asks for English.
  const other = await browser.newContext({ locale: "en-US" });
  const fresh = await other.newPage();
  await fresh.goto("/sign-in");
  await expect(fresh.locator("html")).toHaveAttribute("lang", "en");
  await signIn(fresh, account);
  await expect(fresh).toHaveURL(/\/w\/[^/]+\/create$/);
  await expect(fresh.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(switcher(fresh)).toHaveValue("zh-CN");
  await other.close();
});
