import type { Browser, Page } from "@playwright/test";
import { expect, newAccount, signIn, signUp, test } from "./fixtures";
import { generate, share } from "./studio";

const switcher = (page: Page) => page.getByRole("combobox", { name: /^(Language|语言)$/ });

async function visit(browser: Browser, locale: string, url: string) {
  const context = await browser.newContext({ locale });
  const page = await context.newPage();
  await page.goto(url);
  return { context, page };
}

test.describe("a visitor whose browser asks for Chinese", () => {
  test.use({ locale: "zh-CN" });

  test("sees the signed-out pages in Simplified Chinese", async ({ page }) => {
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(switcher(page)).toHaveValue("zh-CN");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("把你的参考图融合成新图片。");
    await expect(page.getByRole("link", { name: "开始使用" })).toBeVisible();

    await page.getByRole("link", { name: "登录", exact: true }).click();
    await expect(page).toHaveTitle("登录 · Atelier");
    await expect(page.getByLabel("邮箱")).toBeVisible();
    await expect(page.getByLabel("密码")).toBeVisible();
    await page.getByRole("link", { name: "创建账户" }).click();
    await expect(page.getByRole("heading", { name: "创建你的账户" })).toBeVisible();
    await expect(page.getByText("至少 10 个字符。")).toBeVisible();

    const account = newAccount("zh");
    await page.getByLabel("姓名").fill(account.name);
    await page.getByLabel("邮箱").fill(account.email);
    await page.getByLabel("密码").fill(account.password);
    await page.getByRole("button", { name: "创建账户" }).click();
    await expect(page.getByRole("status")).toContainText("如果这个邮箱是新的");
    await page.getByLabel("邮箱").fill(account.email);
    await page.getByLabel("密码").fill(account.password);
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page).toHaveURL(/\/w\/[^/]+\/create$/);
    // The personal workspace is named in the language of the person who signed up.
    await expect(page.getByTestId("workspace-name")).toHaveText(`${account.name.split(" ")[0]} 的工作室`);

    await page.context().clearCookies();
    await page.goto(`/invite/${"x".repeat(43)}`);
    await expect(page.getByRole("heading", { name: "找不到该邀请" })).toBeVisible();
    await page.goto("/no-such-page");
    await expect(page.getByRole("heading", { name: "找不到该页面" })).toBeVisible();
  });
});

test.describe("a visitor whose browser asks for English", () => {
  test.use({ locale: "en-US" });

  test("sees English, and the switcher changes the language for the next visits", async ({ page }) => {
    await page.goto("/sign-in");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    await expect(switcher(page)).toHaveValue("en");
    // Each language is offered in its own name.
    await expect(switcher(page).getByRole("option")).toHaveText(["English", "简体中文"]);

    await switcher(page).selectOption("zh-CN");
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(page.getByRole("heading", { name: "登录" })).toBeVisible();
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("把你的参考图融合成新图片。");
    await switcher(page).selectOption("en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Merge your references into new images.");
  });
});

test("a share page speaks the visitor's language, not the sharer's, preview included", async ({ signedIn: page, browser }) => {
  const prompt = `一座清晨的港口 ${Date.now()}`;
  const url = await share(page, await generate(page, prompt));

  const zh = await visit(browser, "zh-CN", url);
  await expect(zh.page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(zh.page.getByText("分享给你")).toBeVisible();
  // The prompt is never translated.
  await expect(zh.page.getByTestId("shared-prompt")).toHaveText(prompt);
  await expect(zh.page.getByRole("img", { name: `“${prompt}”的第 1 张图片` })).toBeVisible();
  await expect(zh.page.locator('meta[property="og:description"]')).toHaveAttribute("content", /使用 Atelier 创作。$/);
  await expect(zh.page.getByRole("link", { name: "登录后再创作" })).toBeVisible();
  await zh.context.close();

  const en = await visit(browser, "en-US", url);
  await expect(en.page.locator("html")).toHaveAttribute("lang", "en");
  await expect(en.page.getByText("Shared with you")).toBeVisible();
  await expect(en.page.getByRole("img", { name: `Image 1 of “${prompt}”` })).toBeVisible();
  await expect(en.page.locator('meta[property="og:description"]')).toHaveAttribute("content", /made with Atelier\.$/);
  await en.context.close();

  const gone = await visit(browser, "zh-CN", url.replace(/.{4}$/, "AAAA"));
  await expect(gone.page.getByRole("heading", { name: "此链接不可用" })).toBeVisible();
  await expect(gone.page).toHaveTitle("链接不可用 · Atelier");
  await gone.context.close();
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
