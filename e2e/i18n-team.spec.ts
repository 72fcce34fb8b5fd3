import type { Browser, Page } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { expect, newAccount, signUpInChinese, test } from "./fixtures";

/** A browser that asks for Chinese (Accept-Language and navigator.language), as in e2e/i18n.spec.ts. */
async function chinesePage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: "zh-CN" });
  return context.newPage();
}

test("a team in Chinese: invite, the invitee joins through the Chinese invitation page, roles, settings and usage with Intl numbers", async ({ browser }) => {
  test.setTimeout(120_000);
  const owner = await chinesePage(browser);
  const ownerAccount = newAccount("owner");
  await signUpInChinese(owner, ownerAccount, { lands: null });
  await expect(owner).toHaveURL(/\/w\/[^/]+\/create$/);

  const id = randomUUID().slice(0, 6);
  const team = { name: `Team ${id}`, slug: `team-${id}` };
  await owner.goto("/w/new");
  await expect(owner.getByRole("heading", { name: "新建团队空间" })).toBeVisible();
  await owner.getByLabel("名称").fill(team.name);
  await expect(owner.getByLabel("地址")).toHaveValue(team.slug);
  await expect(owner.getByText(`小写字母、数字和连字符：/w/${team.slug}`)).toBeVisible();
  await owner.getByRole("button", { name: "创建团队空间" }).click();
  await expect(owner).toHaveURL(new RegExp(`/w/${team.slug}/members$`));

  // The members page, the owner's role in the words of common.roles.
  await expect(owner.getByRole("heading", { name: "成员", exact: true })).toBeVisible();
  await expect(owner.getByText(`${team.name} · 你的角色：所有者`)).toBeVisible();
  await expect(owner.getByRole("heading", { name: "1 位成员" })).toBeVisible();
  await expect(owner.getByRole("heading", { name: "今日用量" })).toBeVisible();

  await owner.getByLabel("角色", { exact: true }).selectOption("EDITOR");
  await expect(owner.getByLabel("角色", { exact: true }).locator("option:checked")).toHaveText("编辑者 — 生成、再创作、分享自己的图片");
  await expect(owner.getByLabel("链接有效期").locator("option:checked")).toHaveText("7 天");
  await owner.getByRole("button", { name: "创建邀请链接" }).click();
  await expect(owner.getByRole("status").filter({ hasText: "邀请链接已创建。请立即复制：它只显示这一次。" })).toBeVisible();
  const link = await owner.getByTestId("invite-link").inputValue();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
  // The words to send with it: the invitee's language is not known yet, so the inviter's (Chinese).
  const letter = owner.getByLabel("随链接发送的消息（简体中文）");
  await expect(letter).toHaveValue(new RegExp(`邀请你加入 Atelier 上的团队空间“${team.name}”，角色为编辑者。`));
  await expect(letter).toHaveValue(new RegExp(`${link.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}$`));
  const pending = owner.getByTestId("invitation-row");
  await expect(pending).toContainText("编辑者 · 任何持有链接的人");
  // The expiry date through Intl in zh-CN (e.g. 2026年12月9日), not an English date.
  await expect(pending).toContainText(/仅限一次 · \d{4}年\d{1,2}月\d{1,2}日 过期 · 由 Owner \S+ 创建/);

  // The invitee, a Chinese visitor, opens the link signed out.
  const invitee = await chinesePage(browser);
  const inviteeAccount = newAccount("invitee");
  await invitee.goto(link);
  await expect(invitee.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(invitee.getByRole("heading", { name: `加入 ${team.name}` })).toBeVisible();
  await expect(invitee.getByText(`邀请你以编辑者身份加入 ${team.name}`)).toBeVisible();
  await invitee.getByRole("link", { name: "创建账户并加入" }).click();
  await expect(invitee).toHaveURL(/\/sign-up\?callbackUrl=%2Finvite%2F/);
  await signUpInChinese(invitee, inviteeAccount, { lands: null });
  await expect(invitee).toHaveURL(new URL(link).pathname);
  await invitee.getByRole("button", { name: `加入 ${team.name}` }).click();
  await expect(invitee).toHaveURL(new RegExp(`/w/${team.slug}/create$`));

  // The owner sees them as an editor, in Chinese, and makes them a viewer.
  await owner.reload();
  await expect(owner.getByRole("heading", { name: "2 位成员" })).toBeVisible();
  const row = owner.getByTestId("member-row").filter({ hasText: inviteeAccount.email });
  await expect(row.getByTestId("member-role")).toHaveText("编辑者");
  await expect(row.getByTestId("member-today")).toHaveText("今日 0 张图片");
  await expect(owner.getByTestId("invitation-row")).toHaveCount(0);
  await expect(owner.getByText("目前没有有效的邀请链接。")).toBeVisible();
  await row.getByLabel(`${inviteeAccount.name} 的新角色`).selectOption("VIEWER");
  await row.getByRole("button", { name: `更改 ${inviteeAccount.name} 的角色` }).click();
  await expect(row.getByRole("status")).toHaveText("角色已改为查看者。");
  await expect(row.getByTestId("member-role")).toHaveText("查看者");

  // Settings: a refused value said in Chinese with its bound, then a limit whose number Intl groups.
  await owner.goto(`/w/${team.slug}/settings`);
  await expect(owner.getByRole("heading", { name: "设置", exact: true })).toBeVisible();
  await expect(owner.getByTestId("quota-explainer")).toHaveText("由所有成员共享；今日已用 0 张。留空则使用默认值 200。");
  await owner.getByLabel("每日图片数").fill("0");
  await owner.getByRole("button", { name: "保存额度" }).click();
  await expect(owner.getByText("不能小于 1。")).toBeVisible();
  await owner.getByLabel("每日图片数").fill("1500");
  await owner.getByRole("button", { name: "保存额度" }).click();
  await expect(owner.getByRole("status").filter({ hasText: "每日额度已设为 1,500 张图片。" })).toBeVisible();

  // Usage: the same limit, grouped by Intl, in the Chinese summary and headings.
  await owner.goto(`/w/${team.slug}/usage`);
  await expect(owner.getByRole("heading", { name: "用量", exact: true })).toBeVisible();
  await expect(owner.getByTestId("usage-summary")).toContainText("今日已用 0 / 1,500 张图片 · 剩余 1,500 张");
  await expect(owner.getByText(`所有人的调用（${team.name}，最近 30 天，UTC）`)).toBeVisible();
  await expect(owner.getByRole("img", { name: "最近 30 天每天的图片数：共 0 张" })).toBeVisible();
  await expect(owner.getByRole("table", { name: "按成员" })).toContainText("还没有调用。");
  await expect(owner.getByRole("link", { name: "导出 CSV" })).toBeVisible();

  // The invitee, now a viewer, reads the same page in Chinese: only their own calls.
  await invitee.goto(`/w/${team.slug}/usage`);
  await expect(invitee.getByText(`你的调用（${team.name}，最近 30 天，UTC）`)).toBeVisible();
  await expect(invitee.getByTestId("usage-member")).toHaveText("你：今日 0 张");

  await owner.context().close();
  await invitee.context().close();
});
