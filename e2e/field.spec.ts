import type { Page } from "@playwright/test";
import { expect, newAccount, signUp, test } from "./fixtures";
import { callsFor, clearFaults, queueFault, setFieldModels } from "./stand-in";
import { addReferences, card, fillAndGenerate, referenceImage, waitForUploads } from "./studio";

/**
 * The field profile: the stand-in answers the default model as field relays do (no n, size
 * ignored, their error bodies), and the app's built-in profile for it fans out. One signed-in
 * page for the whole file keeps it quick.
 */
test.describe.configure({ mode: "serial" });

let page: Page;

test.beforeAll(async ({ browser }) => {
  await setFieldModels(["gpt-image-2-all"]);
  page = await browser.newPage();
  await signUp(page, newAccount("field"));
});

test.afterAll(async () => {
  await clearFaults();
  await setFieldModels([]);
  await page.close();
});

test.afterEach(async () => {
  await clearFaults();
});

test("4 images asked → 4 calls of n = 1 → 4 slots; one call failing keeps the other 3, and its Retry makes exactly one more call", async () => {
  // The person's own "16:9" wins over the shape hint at a field relay, so the size differs.
  const prompt = `Four harbour views, 16:9 panorama ${Date.now()}`;
  await queueFault("safety-500");
  await fillAndGenerate(page, { prompt, size: "Landscape", n: 4 });

  const generation = card(page, prompt);
  await expect(generation).toHaveAttribute("data-status", "SUCCEEDED", { timeout: 40_000 });
  await expect(generation.getByTestId("generation-image")).toHaveCount(3);
  const failed = generation.locator('[data-slot-status="FAILED"]');
  await expect(failed).toHaveCount(1);
  await expect(failed.getByTestId("slot-error")).toHaveText(/safety/i);
  await expect(generation.getByTestId("generation-count")).toContainText("3 of 4 images");
  // The relay shaped the picture itself: the card says what was asked and what came.
  await expect(generation.getByTestId("size-note").first()).toHaveText(/^asked Landscape 1536×1024 · got \d+×\d+$/);

  const calls = await callsFor(prompt);
  expect(calls).toHaveLength(4);
  for (const call of calls) {
    expect(call.body).toEqual({ model: "gpt-image-2-all", prompt: `${prompt}, landscape, 3:2 aspect ratio`, size: "1536x1024", n: 1 });
  }

  await failed.getByRole("button", { name: /^Retry image/ }).click();
  await expect(generation.getByTestId("generation-image")).toHaveCount(4, { timeout: 40_000 });
  await expect(generation.getByTestId("generation-count")).toContainText("4 images");
  expect(await callsFor(prompt)).toHaveLength(5);
});

const faults: { fault: string; reason: RegExp }[] = [
  { fault: "safety-500", reason: /safety/i },
  { fault: "quota-429", reason: /balance|quota/i },
  { fault: "saturated", reason: /busy|limiting/i },
  { fault: "no-channel", reason: /no working channel/i },
  // "Unknown error" with only a small reference is the relay's own failure, not the reference's.
  { fault: "unknown-error", reason: /internal error/i },
  { fault: "cf-524", reason: /gateway/i },
  { fault: "error-200", reason: /internal error/i },
  { fault: "reset", reason: /connection/i },
  { fault: "401", reason: /credentials/i },
  { fault: "400", reason: /setting/i },
  { fault: "empty", reason: /no images/i },
  { fault: "bad-json", reason: /could not be read/i },
];

for (const { fault, reason } of faults) {
  test(`field fault "${fault}": the plain reason and what to do, prompt and references kept, Retry works once it is gone`, async () => {
    const prompt = `Field fault ${fault} ${Date.now()}`;
    if (!(await page.getByTestId("reference-count").textContent())?.startsWith("1")) {
      await addReferences(page, [await referenceImage("kept", "#446688")]);
      await waitForUploads(page);
    }
    // The rate-limit class is retried on its own; the fault outlasts those retries.
    await queueFault(fault, 5);
    await fillAndGenerate(page, { prompt, n: 1 });
    const generation = card(page, prompt);
    await expect(generation).toHaveAttribute("data-status", "FAILED", { timeout: 40_000 });
    await expect(generation.getByTestId("generation-error")).toHaveText(reason);
    await expect(generation.getByTestId("generation-next")).not.toBeEmpty();
    await expect(page.getByLabel("Prompt")).toHaveValue(prompt);
    await expect(page.getByTestId("reference-count")).toHaveText("1 / 5");

    await clearFaults();
    await generation.getByRole("button", { name: "Retry" }).click();
    await expect(generation).toHaveAttribute("data-status", "SUCCEEDED", { timeout: 40_000 });
    await expect(generation.getByTestId("generation-image")).toHaveCount(1);
  });
}

test("after repeated rate limits everyone backs off: Create says the service is struggling while a new request waits, and drops it once the relay answers", async () => {
  const notice = page.getByTestId("relay-notice");
  await expect(notice).toBeEmpty();
  // Three rate limits in a row (a call and its two automatic retries) start the shared backoff.
  const first = `Busy relay ${Date.now()}`;
  await queueFault("saturated", 3);
  await fillAndGenerate(page, { prompt: first, n: 1 });
  await expect(card(page, first)).toHaveAttribute("data-status", "FAILED", { timeout: 40_000 });
  // Told over the live stream when the backoff started, not at the page's next read.
  await expect(notice).toHaveText(/struggling; your request is queued/);

  const waiting = `Queued behind the backoff ${Date.now()}`;
  await fillAndGenerate(page, { prompt: waiting, n: 1 });
  const generation = card(page, waiting);
  await expect(generation).toHaveAttribute("data-status", /QUEUED|RUNNING/);
  await expect(notice).toHaveText(/struggling/);
  await expect(generation).toHaveAttribute("data-status", "SUCCEEDED", { timeout: 40_000 });
  await expect(notice).toBeEmpty();
  // The waiting request went out once, after the backoff: no call of it was spent on a busy relay.
  expect(await callsFor(waiting)).toHaveLength(1);
});

test("the shape hint for a model that ignores size: shown and on by default with its words; off sends the prompt as written", async () => {
  const hint = page.getByRole("checkbox", { name: /shape hint/i });
  await expect(hint).toBeVisible();
  await expect(hint).toBeChecked();
  await page.getByText("Portrait", { exact: true }).click();
  await expect(page.getByTestId("shape-hint-text")).toHaveText("portrait, 2:3 aspect ratio");

  const withHint = `Hint on ${Date.now()}`;
  await fillAndGenerate(page, { prompt: withHint, n: 1 });
  await expect(card(page, withHint)).toHaveAttribute("data-status", "SUCCEEDED", { timeout: 40_000 });
  expect((await callsFor(withHint)).map((c) => c.body?.prompt)).toEqual([`${withHint}, portrait, 2:3 aspect ratio`]);

  await hint.uncheck();
  const asWritten = `Hint off ${Date.now()}`;
  await fillAndGenerate(page, { prompt: asWritten, n: 1 });
  await expect(card(page, asWritten)).toHaveAttribute("data-status", "SUCCEEDED", { timeout: 40_000 });
  expect((await callsFor(asWritten)).map((c) => c.body?.prompt)).toEqual([asWritten]);
});
