import { blackPng } from "../lib/images/testing/fixtures";
import { expect, test } from "./fixtures";
import { callsFor, clearFaults, queueFault, waitForRelayUrlsToExpire } from "./stand-in";
import { addReferences, card, fillAndGenerate, referenceImage, waitForUploads } from "./studio";

test.afterEach(async () => {
  await clearFaults();
});

test("two references + prompt + landscape × 2 → two landscape images, one call of n = 1 each (the default model ignores n), the shape hint sent", async ({
  signedIn: page,
}) => {
  const prompt = `A lighthouse keeper's cat, merged ${Date.now()}`;
  await addReferences(page, [await referenceImage("cat", "#aa4422"), await referenceImage("lighthouse", "#2244aa")]);
  await waitForUploads(page);
  await expect(page.getByTestId("reference-count")).toHaveText("2 / 5");

  await fillAndGenerate(page, { prompt, size: "Landscape", n: 2 });

  const generation = card(page, prompt);
  // At once: pending, with one placeholder per requested image and an elapsed time.
  await expect(generation.getByTestId("generation-elapsed")).toBeVisible();
  await expect(generation).toHaveAttribute("data-status", "SUCCEEDED", { timeout: 30_000 });
  const images = generation.getByTestId("generation-image");
  await expect(images).toHaveCount(2);
  for (const img of await images.all()) {
    const { w, h } = await img.evaluate((el: HTMLImageElement) => ({ w: el.naturalWidth, h: el.naturalHeight }));
    expect(w).toBeGreaterThan(h);
  }
  // The form keeps what the person gave.
  await expect(page.getByLabel("Prompt")).toHaveValue(prompt);
  await expect(page.getByTestId("reference-count")).toHaveText("2 / 5");

  const calls = await callsFor(prompt);
  expect(calls).toHaveLength(2);
  for (const call of calls) {
    expect(call.path).toBe("/v1/images/generations");
    expect(call.headers["content-type"]).toBe("application/json");
    expect(call.headers["accept"]).toBe("application/json");
    expect(call.headers["authorization"]).toBe("Bearer stand-in-key");
    expect(call.body).toMatchObject({ model: "gpt-image-2-all", prompt: `${prompt}, landscape, 3:2 aspect ratio`, size: "1536x1024", n: 1 });
    expect(call.body!.image).toHaveLength(2);
    for (const ref of call.body!.image!) expect(ref).toMatch(/^data:image\/(webp|png|jpeg);base64,/);
  }
  // The person's prompt is shown as written; the sent one is in the details.
  await expect(generation.getByTestId("sent-prompt")).toHaveText(`${prompt}, landscape, 3:2 aspect ratio`);
});

test("results are served from our storage after the relay's URLs expire", async ({ signedIn: page }) => {
  const prompt = `Expiring relay links ${Date.now()}`;
  await fillAndGenerate(page, { prompt });
  const generation = card(page, prompt);
  await expect(generation).toHaveAttribute("data-status", "SUCCEEDED", { timeout: 30_000 });
  // The e2e stand-in's URLs live 5 s: wait until they answer 410, then load the page again.
  await waitForRelayUrlsToExpire();
  await page.reload();
  const img = card(page, prompt).getByTestId("generation-image").first();
  await expect(img).toHaveAttribute("src", /^\/api\/files\//);
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBeGreaterThan(0);
  const full = await card(page, prompt).locator("a").first().getAttribute("href");
  const res = await page.request.get(full!);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toMatch(/^image\//);
});

const faults: { fault: string; times?: number; message: RegExp }[] = [
  { fault: "400", message: /rejected a setting of this request.*“prompt”/ },
  { fault: "401", message: /credentials/i },
  { fault: "403-quota", message: /quota|credit|billing/i },
  { fault: "moderation", message: /safety/i },
  { fault: "429", times: 10, message: /busy|rate|too many/i },
  { fault: "500", message: /had an internal error/ },
  // An overloaded 503 is a rate limit: retried automatically, so it fails only when it persists.
  { fault: "503", times: 10, message: /busy|rate|too many/i },
  { fault: "html-502", message: /gateway|unavailable|relay/i },
  { fault: "html-504", message: /gateway|unavailable|relay|time/i },
  { fault: "truncated", message: /answered, but the answer could not be read/ },
  { fault: "empty", message: /no image|empty|nothing/i },
  { fault: "bad-json", message: /answered, but the answer could not be read/ },
  { fault: "expired", message: /expired/i },
  { fault: "not-image", message: /not an image/i },
  { fault: "hang", message: /too long|time/i },
  // The field's own failures are in field.spec.ts, on the field profile.
];

for (const { fault, times, message } of faults) {
  test(`fault "${fault}" ends FAILED with a reason, keeps the inputs, and Retry works once it is gone`, async ({
    signedIn: page,
  }) => {
    const prompt = `Fault ${fault} ${Date.now()}`;
    await queueFault(fault, times ?? 1);
    await fillAndGenerate(page, { prompt });
    const generation = card(page, prompt);
    await expect(generation).toHaveAttribute("data-status", "FAILED", { timeout: 40_000 });
    await expect(generation.getByTestId("generation-error")).toHaveText(message);
    await expect(page.getByLabel("Prompt")).toHaveValue(prompt);

    await clearFaults();
    await generation.getByRole("button", { name: "Retry" }).click();
    await expect(generation).toHaveAttribute("data-status", "SUCCEEDED", { timeout: 30_000 });
    await expect(generation.getByTestId("generation-image")).toHaveCount(1);
  });
}

test("bad uploads are refused clearly; the good ones stay", async ({ signedIn: page }) => {
  const good = await Promise.all(["one", "two", "three", "four"].map((n, i) => referenceImage(n, ["#a33", "#3a3", "#33a", "#aa3"][i]!)));
  await addReferences(page, [
    good[0]!,
    { name: "notes.png", mimeType: "image/png", buffer: Buffer.from("These are my notes, not a picture.\n".repeat(20)) },
    { name: "huge.png", mimeType: "image/png", buffer: blackPng(20_000, 20_000) },
  ]);
  await waitForUploads(page);
  const notices = page.getByTestId("reference-notices");
  await expect(notices).toContainText("notes.png is not an image we can read (it looks like text)");
  await expect(notices).toContainText("huge.png is 20000×20000");
  await expect(page.getByTestId("reference-count")).toHaveText("1 / 5");

  await addReferences(page, [{ name: "big.png", mimeType: "image/png", buffer: Buffer.alloc(25 * 1024 * 1024, 1) }]);
  await expect(notices).toContainText("big.png is larger than 20 MB");

  await addReferences(page, [...good.slice(1), await referenceImage("five", "#3aa"), await referenceImage("six", "#a3a")]);
  await waitForUploads(page);
  await expect(page.getByTestId("reference-count")).toHaveText("5 / 5");
  await expect(notices).toContainText("Only 5 reference images fit: six was not added.");
});

test("the server refuses an oversized upload itself, not only the browser", async ({ signedIn: page }) => {
  const workspace = new URL(page.url()).pathname.split("/")[2]!;
  const res = await page.request.post(`/api/w/${workspace}/uploads`, {
    headers: { "X-File-Name": "big.png" },
    multipart: { file: { name: "big.png", mimeType: "image/png", buffer: Buffer.alloc(25 * 1024 * 1024, 1) } },
  });
  expect(res.status()).toBe(413);
  expect((await res.json()).error.message).toBe("big.png is larger than 20 MB");
});

test("reloading keeps the prompt, the references and their order", async ({ signedIn: page }) => {
  await addReferences(page, [await referenceImage("first", "#a33"), await referenceImage("second", "#33a")]);
  await waitForUploads(page);
  await expect(page.getByRole("button", { name: "Move first earlier" })).toBeDisabled();
  await page.getByRole("button", { name: "Move first later" }).click();
  await page.getByLabel("Label for reference 1").fill("background");
  await page.getByLabel("Prompt").fill("Put @2 in front of @1, mention @4");
  await expect(page.getByTestId("prompt-warning")).toHaveText("@4 points at an empty reference slot.");
  await page.reload();
  await expect(page.getByLabel("Prompt")).toHaveValue("Put @2 in front of @1, mention @4");
  await expect(page.getByRole("img", { name: /^Reference 1: second/ })).toBeVisible();
  await expect(page.getByLabel("Label for reference 1")).toHaveValue("background");
});

test("a remix link pre-fills Create and the new generation records its parent", async ({ signedIn: page }) => {
  const prompt = `Original for remix ${Date.now()}`;
  await addReferences(page, [await referenceImage("base", "#558")]);
  await waitForUploads(page);
  await fillAndGenerate(page, { prompt, size: "Portrait", n: 2 });
  const original = card(page, prompt);
  await expect(original).toHaveAttribute("data-status", "SUCCEEDED", { timeout: 30_000 });
  const id = await original.getAttribute("data-id");

  // Another draft in the form, then the remix link replaces it.
  await page.getByLabel("Prompt").fill("something else entirely");
  await page.goto(`${new URL(page.url()).pathname}?remix=${id}`);
  await expect(page.getByLabel("Prompt")).toHaveValue(prompt);
  await expect(page.getByTestId("reference-count")).toHaveText("1 / 5");
  await expect(page.getByLabel("Number of images")).toHaveValue("2");
  await expect(page).toHaveURL(/\/create$/);

  const remixPrompt = `${prompt} — remixed`;
  await page.getByLabel("Prompt").fill(remixPrompt);
  await page.getByRole("button", { name: "Generate" }).click();
  const remix = card(page, remixPrompt);
  await expect(remix).toHaveAttribute("data-status", "SUCCEEDED", { timeout: 30_000 });
  await expect(remix.getByTestId("remix-badge")).toBeVisible();
  await page.reload();
  await expect(card(page, remixPrompt).getByTestId("remix-badge")).toBeVisible();
});
