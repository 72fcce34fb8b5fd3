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

  // A refusal the relay does not bill: its image is taken when the generation is made and given
  // back when it fails, and what is left says so each time without a reload.
  await page.getByLabel("Number of images").selectOption("1");
  const refused = `Refused and given back [latency:1500] [fault:400] ${Date.now()}`;
  await fillAndGenerate(page, { prompt: refused });
  await expect(estimate).toHaveText("1 image · ≈ $0.03 · 197 of 200 left today");
  await expect(card(page, refused)).toHaveAttribute("data-status", "FAILED", { timeout: 30_000 });
  await expect(estimate).toHaveText("1 image · ≈ $0.03 · 198 of 200 left today");

  await page.getByRole("link", { name: "Usage", exact: true }).click();
  // Today's count is the quota's (taken with the generation); the chart and tables read the call ledger.
  await expect(page.getByTestId("usage-summary")).toContainText("2 of 200");
  const chart = page.getByTestId("usage-chart");
  await expect(chart.getByTestId("usage-chart-day")).toHaveCount(30);
  const today = new Date().toISOString().slice(0, 10);
  await expect(chart.getByTestId("usage-chart-day").last()).toHaveAttribute("data-day", today);
  const shown = Number(await page.getByTestId("usage-total-images").textContent());
  await expect(chart.getByTestId("usage-chart-day").last()).toHaveAttribute("data-images", String(shown));
  const csv = await page.request.get((await page.getByRole("link", { name: "Export CSV" }).getAttribute("href"))!);
  expect(csv.headers()["content-type"]).toMatch(/^text\/csv/);
  expect((await csv.text()).split("\n")[0]).toBe("day,member,model,images,calls,failed_calls,spend,possibly_charged,currency");
});

test("/admin is a 404 to everyone but ADMIN_EMAILS", async ({ signedIn: page, browser }, testInfo) => {
  expect((await page.goto("/admin"))?.status()).toBe(404);
  const admin = await browser.newPage();
  // Each attempt has its own listed address (scripts/e2e-server.ts): a retry signs up afresh.
  await signUp(admin, { ...newAccount("root"), email: `instance-admin-${testInfo.retry}@example.test` });
  await admin.goto("/admin");
  await expect(admin.getByRole("heading", { name: "Administration" })).toBeVisible();
  await expect(admin.getByTestId("queue-depth")).toContainText("waiting");
  await expect(admin.getByTestId("relay-day")).toContainText("calls");
  await admin.close();
});
