import { expect, newAccount, signUpInChinese, test } from "./fixtures";
import { clearFaults, queueFault } from "./stand-in";
import { addReferences, card, referenceImage, waitForUploads } from "./studio";

// The Create page for someone whose browser asks for Chinese: every word from the catalogues,
// the relay's refusals said from their stored code, the inputs kept through a failure.
test.use({ locale: "zh-CN" });

test.afterEach(async () => {
  await clearFaults();
});

test("in Chinese: two references and a prompt make images; a relay refusal says why in Chinese, keeps the inputs, and Retry makes it", async ({
  page,
}) => {
  await signUpInChinese(page, newAccount("zh"));
  await expect(page).toHaveTitle(/^创作/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("创作");
  await expect(page.getByRole("heading", { name: "你最近的生成" })).toBeVisible();
  await expect(page.getByText("还没有内容。点击“生成”后，图片会立即出现在这里，并保存在画廊中。")).toBeVisible();

  // Two references go in; a file that is not a picture is refused, in Chinese, naming the file.
  await addReferences(page, [
    await referenceImage("cat", "#aa4422"),
    await referenceImage("lighthouse", "#2244aa"),
    { name: "notes.png", mimeType: "image/png", buffer: Buffer.from("These are my notes, not a picture.\n".repeat(20)) },
  ]);
  await waitForUploads(page);
  await expect(page.getByTestId("reference-notices")).toHaveText("notes.png 不是我们能读取的图片（看起来是文本）");
  await expect(page.getByTestId("reference-count")).toHaveText("2 / 5");
  await expect(page.getByRole("img", { name: "参考图 1：cat" })).toBeVisible();
  await expect(page.getByRole("button", { name: "将 cat 前移" })).toBeDisabled();

  const prompt = `@1 的猫坐在 @2 的灯塔上 ${Date.now()}`;
  await page.getByLabel("提示词").fill(prompt);
  await page.getByText("横版", { exact: true }).click();
  await page.getByLabel("图片数量").selectOption("2");
  await expect(page.getByTestId("create-estimate")).toContainText("2 张图片");
  await page.getByRole("button", { name: "生成" }).click();

  const made = card(page, prompt);
  await expect(made).toHaveAttribute("data-status", "SUCCEEDED", { timeout: 30_000 });
  await expect(made.getByTestId("generation-image")).toHaveCount(2);
  await expect(made.getByTestId("generation-count")).toContainText("2 张图片");
  await expect(made.getByText("已完成", { exact: true })).toBeVisible();
  await expect(made.getByRole("button", { name: "使用这些输入" })).toBeVisible();

  // The relay refuses the next one: the reason and what to do, from its code, in Chinese.
  const refused = `第二张灯塔 ${Date.now()}`;
  await queueFault("moderation");
  await page.getByLabel("提示词").fill(refused);
  await page.getByLabel("图片数量").selectOption("1");
  await page.getByRole("button", { name: "生成" }).click();
  const failed = card(page, refused);
  await expect(failed).toHaveAttribute("data-status", "FAILED", { timeout: 40_000 });
  await expect(failed.getByText("失败", { exact: true })).toBeVisible();
  await expect(failed.getByTestId("generation-error")).toHaveText("图片服务的安全审核拒绝了此请求。");
  await expect(failed.getByTestId("generation-next")).toHaveText("请修改提示词或换用其他参考图。原样重试仍会被拒绝。");
  await expect(page.getByLabel("提示词")).toHaveValue(refused);
  await expect(page.getByTestId("reference-count")).toHaveText("2 / 5");

  await clearFaults();
  await failed.getByRole("button", { name: "重试" }).click();
  await expect(failed).toHaveAttribute("data-status", "SUCCEEDED", { timeout: 30_000 });
  await expect(failed.getByTestId("generation-image")).toHaveCount(1);
  await expect(failed.getByTestId("generation-error")).toHaveCount(0);
});
