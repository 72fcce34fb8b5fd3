import { createLocalStorage } from "../lib/storage/local";
import { seedGallery } from "../scripts/seed-gallery";
import { E2E_DATABASE_URL as DATABASE_URL, E2E_STORAGE_DIR as STORAGE_DIR } from "./e2e-env";
import { expect, newAccount, signInInChinese, signUpInChinese, test } from "./fixtures";

/**
 * Issue #11 for the gallery, share and sign-in screens: a person whose browser asks for Chinese sees
 * them in Chinese, and so are the server's refusals (a wrong share password, a wrong sign-in, a
 * password too easy to guess): the server answers with codes, the page words them.
 */
test.use({ locale: "zh-CN" });

test("a Chinese-speaking person browses their gallery, shares an image behind a password and revokes the link", async ({
  page,
  browser,
}) => {
  await signUpInChinese(page, newAccount("zh-gallery"));
  const ws = new URL(page.url()).pathname.split("/")[2]!;
  const seeded = await seedGallery({ databaseUrl: DATABASE_URL, workspace: ws, count: 3, storage: createLocalStorage({ rootDir: STORAGE_DIR }) });

  await page.goto(`/w/${ws}/gallery`);
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("heading", { name: "画廊", exact: true })).toBeVisible();
  const tiles = page.getByTestId("gallery-tile");
  await expect(tiles).toHaveCount(seeded.images);

  await tiles.first().getByTestId("tile-link").click();
  const lightbox = page.getByTestId("lightbox");
  await expect(lightbox).toBeVisible();
  await expect(lightbox).toContainText(`第 1 张，共 ${seeded.images} 张`);
  const prompt = (await lightbox.getByTestId("detail-prompt").textContent())!;
  // Prompts are never translated.
  expect(prompt).toMatch(/[a-z]/);
  await expect(lightbox.getByRole("button", { name: "复制提示词" })).toBeVisible();

  await lightbox.getByRole("button", { name: /^分享/ }).click();
  const dialog = page.getByRole("dialog", { name: "分享这次生成" });
  await expect(dialog).toBeVisible();
  // A zod bound, refused by the action, worded here.
  await dialog.getByLabel("密码（可选）").fill("short");
  await dialog.getByRole("button", { name: "创建链接" }).click();
  await expect(dialog.getByText("至少 8 个字符。")).toBeVisible();
  await expect(dialog.getByRole("status")).toContainText("请修正标出的字段。");

  await dialog.getByLabel("密码（可选）").fill("港口的灯 harbour 7");
  await dialog.getByRole("button", { name: "创建链接" }).click();
  await expect(dialog.getByText("链接已创建。任何拿到链接的人都能看到你分享的内容。")).toBeVisible();
  await expect(dialog).toContainText("有密码保护");
  const url = await dialog.getByLabel("分享链接").inputValue();
  expect(url).toMatch(/\/s\/[A-Za-z0-9_-]{32}$/);
  await dialog.getByRole("button", { name: "完成" }).click();
  await expect(dialog).toBeHidden();

  const guestContext = await browser.newContext({ locale: "zh-CN" });
  const guest = await guestContext.newPage();
  await guest.goto(url);
  await expect(guest.getByRole("heading", { name: "此链接受密码保护" })).toBeVisible();
  await guest.getByLabel("密码").fill("港口的灯 harbour 8");
  await guest.getByRole("button", { name: "打开" }).click();
  await expect(guest.getByText("密码不正确。").first()).toBeVisible();
  await expect(guest.getByTestId("shared-prompt")).toHaveCount(0);
  await guest.getByLabel("密码").fill("港口的灯 harbour 7");
  await guest.getByRole("button", { name: "打开" }).click();
  await expect(guest.getByTestId("shared-prompt")).toHaveText(prompt);
  await expect(guest.getByText("分享给你")).toBeVisible();

  // The shared-links page belongs to the workspace screens; its buttons are found in either language.
  await page.goto(`/w/${ws}/shared`);
  const row = page.getByTestId("share-link-row").filter({ hasText: prompt.slice(0, 40) });
  await expect(row).toHaveAttribute("data-status", "active");
  await row.getByRole("button", { name: /^(Revoke|撤销)/ }).click();
  await row.getByRole("button", { name: /^(Revoke now|立即撤销)/ }).click();
  await expect(row).toHaveAttribute("data-status", "revoked");

  await guest.reload();
  await expect(guest.getByRole("heading", { name: "此链接不可用" })).toBeVisible();
  await expect(guest.getByTestId("shared-prompt")).toHaveCount(0);
  await guestContext.close();
});

test("sign-up and sign-in refusals are said in Chinese", async ({ page }) => {
  const account = newAccount("zh-auth");
  await page.goto("/sign-up");
  await page.getByLabel("姓名").fill(account.name);
  await page.getByLabel("邮箱").fill(account.email);
  await page.getByLabel("密码").fill("password123");
  await page.getByRole("button", { name: "创建账户" }).click();
  await expect(page.getByText("这个密码太容易被猜到了。")).toBeVisible();
  await expect(page).toHaveURL(/\/sign-up/);

  await signUpInChinese(page, account);
  await page.context().clearCookies();
  await page.goto("/sign-in");
  await signInInChinese(page, { email: account.email, password: `${account.password} nope` });
  await expect(page.getByText("邮箱或密码错误。")).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByText("Wrong email or password.")).toHaveCount(0);
});
