import { expect, newAccount, signUp, test } from "./fixtures";
import { card, fillAndGenerate } from "./studio";

test("Create shows the estimate and what is left before submitting; the usage page charts what was made", async ({ signedIn: page }) => {
  const estimate = page.getByTestId("create-estimate");
  // The e2e server prices gpt-image-2-all at $0.03 an image; the default quota is 200 a day.
  await expect(estimate).toHaveText("1 image · ≈ $0.03 · 200 of 200 left today");
  await page.getByLabel("Number of images").selectOption("4");
  await expect(estimate).toHaveText("4 images · ≈ $0.12 · 200 of 200 left today");

  const prompt = `Usage chart ${Date.now()}`;
  await fillAndGenerate(page, { prompt, n: 2 });
  await expect(card(page, prompt)).toHaveAttribute("data-status", "SUCCEEDED", { timeout: 30_000 });
  await expect(estimate).toHaveText("2 images · ≈ $0.06 · 198 of 200 left today");

  await page.getByRole("link", { name: "Usage" }).click();
  await expect(page.getByTestId("usage-total-images")).toHaveText("2");
  const chart = page.getByTestId("usage-chart");
  await expect(chart.getByTestId("usage-chart-day")).toHaveCount(30);
  await expect(chart.getByTestId("usage-chart-day").last()).toHaveAttribute("data-images", "2");
  await expect(page.getByTestId("usage-models")).toContainText("gpt-image-2-all");
  await expect(page.getByTestId("usage-models")).toContainText("$0.06");
  const csv = await page.request.get(await page.getByRole("link", { name: "Export CSV" }).getAttribute("href").then((h) => h!));
  expect(csv.headers()["content-type"]).toMatch(/^text\/csv/);
  expect(await csv.text()).toMatch(/gpt-image-2-all,2,\d+,\d+,0\.060000,/);
});

test("/admin is a 404 to everyone but ADMIN_EMAILS", async ({ signedIn: page, browser }) => {
  expect((await page.goto("/admin"))?.status()).toBe(404);
  const admin = await browser.newPage();
  await signUp(admin, { ...newAccount("root"), email: "instance-admin@example.test" });
  await admin.goto("/admin");
  await expect(admin.getByRole("heading", { name: "Administration" })).toBeVisible();
  await expect(admin.getByTestId("queue-depth")).toContainText("waiting");
  await expect(admin.getByTestId("relay-day")).toContainText("calls");
  await admin.close();
});
