import { createLocalStorage } from "../lib/storage/local";
import { seedGallery } from "../scripts/seed-gallery";
import { E2E_DATABASE_URL, E2E_STORAGE_DIR } from "./e2e-env";
import { expect, newAccount, signUp, test } from "./fixtures";

test.use({ locale: "zh-CN" });

test("a browser asking for Chinese sees the gallery, its filters, the lightbox and collections in Simplified Chinese", async ({
  page,
  context,
  baseURL,
}) => {
  // The sign-up forms are another page's; they are filled in English, then the cookie goes and
  // the browser's Accept-Language alone decides (the account has stored no choice).
  await context.addCookies([{ name: "atelier-locale", value: "en", url: baseURL! }]);
  await signUp(page, newAccount("zh"));
  const ws = new URL(page.url()).pathname.split("/")[2]!;
  // Three generations: the newest (square) with 4 images, then a landscape and a portrait one.
  await seedGallery({
    databaseUrl: E2E_DATABASE_URL,
    workspace: ws,
    count: 3,
    storage: createLocalStorage({ rootDir: E2E_STORAGE_DIR }),
    startAt: new Date(Date.now() - 60_000),
  });
  await context.clearCookies({ name: "atelier-locale" });

  await page.goto(`/w/${ws}/gallery`);
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page).toHaveTitle(/^画廊/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("画廊");
  await expect(page.getByTestId("gallery-count")).toHaveText("6 张图片");

  // The filters: every label and choice in Chinese, the shapes by their usual words.
  const filters = page.getByRole("search", { name: "筛选画廊" });
  await expect(filters.getByPlaceholder("搜索提示词")).toBeVisible();
  await expect(filters.getByRole("combobox", { name: "谁的图片" }).getByRole("option")).toHaveText(["所有人的", "我的"]);
  await expect(filters.getByRole("combobox", { name: "尺寸" }).getByRole("option")).toHaveText([
    "全部尺寸",
    "方形 1024×1024",
    "横版 1536×1024",
    "竖版 1024×1536",
  ]);
  await expect(filters.getByRole("combobox", { name: "状态" }).getByRole("option")).toHaveText(["已完成", "失败", "已完成和失败"]);
  await expect(filters.getByRole("combobox", { name: "审阅状态" }).getByRole("option")).toHaveText(["全部审阅状态", "已通过", "需修改", "未审阅"]);
  await filters.getByLabel("尺寸").selectOption({ label: "横版 1536×1024" });
  await expect(page.getByTestId("gallery-count")).toHaveText("1 张图片");
  await page.getByRole("link", { name: "清除筛选" }).click();
  await expect(page.getByTestId("gallery-count")).toHaveText("6 张图片");

  // The lightbox: position, actions and the detail in Chinese; the prompt as it was written.
  const first = page.getByTestId("gallery-tile").first();
  const prompt = (await first.getByRole("img").getAttribute("alt"))!;
  expect(prompt).toMatch(/^“.+”，第 1 张，共 4 张$/);
  await first.getByTestId("tile-link").click();
  const lightbox = page.getByRole("dialog");
  await expect(lightbox.getByText("第 1 张，共 6 张")).toBeVisible();
  await expect(lightbox.getByRole("heading", { name: "提示词" })).toBeVisible();
  await expect(lightbox.getByTestId("detail-prompt")).toHaveText(/^[A-Za-z]/);
  await expect(lightbox.getByRole("heading", { name: "同一次生成的其他图片" })).toBeVisible();
  await expect(lightbox.getByText("方形 · 1024×1024")).toBeVisible();
  await expect(lightbox.getByRole("button", { name: "关闭" })).toBeVisible();
  await expect(lightbox.getByRole("heading", { name: "审阅和评论" })).toBeVisible();
  await expect(lightbox.getByTestId("review-status")).toHaveText("未审阅");
  await lightbox.getByRole("button", { name: "加入收藏" }).click();
  await expect(page.getByTestId("gallery-notice")).toHaveText("已加入收藏。");
  await expect(lightbox.getByRole("button", { name: "已收藏" })).toHaveAttribute("aria-pressed", "true");
  await page.keyboard.press("Escape");
  await expect(lightbox).toBeHidden();

  // Favourites, then a search that matches nothing: the empty state says so in Chinese.
  await page.getByLabel("收藏", { exact: true }).check();
  await expect(page.getByTestId("gallery-count")).toHaveText("1 张图片");
  await page.getByLabel("搜索提示词").fill("没有这样的图");
  await page.getByLabel("搜索提示词").press("Enter");
  await expect(page.getByRole("heading", { name: "没有符合筛选条件的结果" })).toBeVisible();
  await page.getByRole("link", { name: "清除筛选" }).first().click();
  await expect(page.getByTestId("gallery-count")).toHaveText("6 张图片");

  // Two images into a new collection from select mode.
  await page.getByRole("button", { name: "选择", exact: true }).click();
  await page.getByTestId("tile-select").nth(0).check();
  await page.getByTestId("tile-select").nth(4).check();
  await expect(page.getByTestId("selection-count")).toHaveText("已选 2 张");
  await page.getByRole("button", { name: "加入合集" }).click();
  await page.getByLabel("新合集名称").fill("夜与水");
  await page.getByRole("button", { name: "创建", exact: true }).click();
  await expect(page.getByTestId("gallery-notice")).toHaveText("已用所选图片创建“夜与水”。");

  await page.getByRole("link", { name: "合集", exact: true }).first().click();
  await expect(page).toHaveTitle(/^合集/);
  await expect(page.getByTestId("collection-card")).toContainText("2 张图片");
  await page.getByTestId("collection-card").click();
  await expect(page.getByTestId("collection-name")).toHaveText("夜与水");
  await expect(page.getByRole("button", { name: "重命名" })).toBeVisible();
  await expect(page.getByRole("button", { name: "删除合集" })).toBeVisible();

  // A new, empty collection shows its empty state.
  await page.goto(`/w/${ws}/collections`);
  await page.getByPlaceholder("新合集名称").fill("空的合集");
  await page.getByRole("button", { name: "新建合集" }).click();
  await expect(page.getByTestId("collection-name")).toHaveText("空的合集");
  await expect(page.getByRole("heading", { name: "这个合集是空的" })).toBeVisible();
  await expect(page.getByRole("link", { name: "前往画廊" })).toBeVisible();
});
