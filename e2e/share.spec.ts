import type { Browser, Locator } from "@playwright/test";
import { expect, newAccount, signIn, signOut, signUp, test } from "./fixtures";
import { addReferences, generate, referenceImage, share, waitForUploads } from "./studio";

/** A signed-out visitor: a fresh browser context, sharing no cookies with the sharer. */
async function visitor(browser: Browser) {
  const context = await browser.newContext();
  return { context, page: await context.newPage() };
}

async function expectLoaded(img: Locator) {
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBeGreaterThan(0);
}

test("share a generation, open it signed out, revoke it: page and image answer 404", async ({
  signedIn: page,
  account,
  browser,
}) => {
  const prompt = `A harbour at first light, shared ${Date.now()}`;
  const url = await share(page, await generate(page, prompt));
  const token = new URL(url).pathname.split("/").pop()!;

  const guest = await visitor(browser);
  const response = await guest.page.goto(url);
  expect(response?.status()).toBe(200);
  await expect(guest.page.getByTestId("shared-prompt")).toHaveText(prompt);
  const img = guest.page.getByTestId("shared-image").first();
  await expectLoaded(img);
  const src = await img.getAttribute("src");
  expect(src).toMatch(new RegExp(`^/api/s/${token}/files/[A-Za-z0-9_-]+$`));

  // The link unfurls: an absolute preview image that answers through the token.
  const ogImage = await guest.page.locator('meta[property="og:image"]').first().getAttribute("content");
  expect(ogImage).toMatch(new RegExp(`^http://localhost:\\d+/api/s/${token}/files/`));
  expect((await guest.page.request.get(ogImage!)).status()).toBe(200);
  await expect(guest.page.locator('meta[name="twitter:card"]')).toHaveAttribute("content", "summary_large_image");

  // Nothing of the sharer's account beyond a display name.
  expect(await guest.page.content()).not.toContain(account.email);
  await expect(guest.page.getByRole("link", { name: "Sign in to remix" })).toHaveAttribute(
    "href",
    `/sign-in?callbackUrl=%2Fs%2F${token}`,
  );

  await page.getByRole("link", { name: "Shared links" }).click();
  const row = page.getByTestId("share-link-row").filter({ hasText: prompt });
  await expect(row).toHaveAttribute("data-status", "active");
  await expect(row.getByTestId("share-link-views")).toHaveText("1");
  await row.getByRole("button", { name: /^Revoke link/ }).click();
  await row.getByRole("button", { name: /^Revoke now/ }).click();
  await expect(row).toHaveAttribute("data-status", "revoked");

  const gone = await guest.page.goto(url);
  expect(gone?.status()).toBe(404);
  await expect(guest.page.getByRole("heading", { name: "This link isn't available" })).toBeVisible();
  expect((await guest.page.request.get(src!)).status()).toBe(404);
  expect((await guest.page.request.get(ogImage!)).status()).toBe(404);
  await guest.context.close();
});

test("a password-protected link refuses a wrong password and opens with the right one", async ({
  signedIn: page,
  browser,
}) => {
  const prompt = `A locked lighthouse ${Date.now()}`;
  const generation = await generate(page, prompt);
  const url = await share(page, generation, { password: "harbour lights 7" });
  const token = new URL(url).pathname.split("/").pop()!;
  const memberSrc = await generation.getByTestId("generation-image").first().getAttribute("src");
  const sharedSrc = `/api/s/${token}/files/${memberSrc!.split("/").pop()}`;

  const guest = await visitor(browser);
  await guest.page.goto(url);
  await expect(guest.page.getByRole("heading", { name: "This link is password-protected" })).toBeVisible();
  // Locked: no prompt, no preview image, not even in the metadata.
  expect(await guest.page.content()).not.toContain(prompt);
  await expect(guest.page.locator('meta[property="og:image"]')).toHaveCount(0);
  expect((await guest.page.request.get(sharedSrc)).status()).toBe(403);

  await guest.page.getByLabel("Password").fill("harbour lights 8");
  await guest.page.getByRole("button", { name: "Open" }).click();
  await expect(guest.page.getByText("That password is not right.").first()).toBeVisible();
  await expect(guest.page.getByTestId("shared-prompt")).toHaveCount(0);

  await guest.page.getByLabel("Password").fill("harbour lights 7");
  await guest.page.getByRole("button", { name: "Open" }).click();
  await expect(guest.page.getByTestId("shared-prompt")).toHaveText(prompt);
  await expectLoaded(guest.page.getByTestId("shared-image").first());
  expect((await guest.page.request.get(sharedSrc)).status()).toBe(200);
  await guest.context.close();
});

test("a second user signs in from the share page and remixes it into their own studio", async ({
  signedIn: page,
  browser,
}) => {
  const prompt = `Remix me: a red kite over dunes ${Date.now()}`;
  await addReferences(page, [await referenceImage("kite", "#aa3322")]);
  await waitForUploads(page);
  const url = await share(page, await generate(page, prompt), { showReferences: true });

  const guest = await visitor(browser);
  const remixer = newAccount("remixer");
  await signUp(guest.page, remixer);
  const remixerSlug = new URL(guest.page.url()).pathname.split("/")[2]!;
  await signOut(guest.page);

  await guest.page.goto(url);
  await expectLoaded(guest.page.getByTestId("shared-reference").first());
  await guest.page.getByRole("link", { name: "Sign in to remix" }).click();
  await expect(guest.page).toHaveURL(/\/sign-in\?callbackUrl=/);
  await signIn(guest.page, remixer);
  await expect(guest.page).toHaveURL(url);

  // The studio takes the prefill from the URL and then drops the query (a reload shows the draft),
  // so the landing URL is caught as it is navigated to, not read afterwards.
  const landing = new RegExp(`/w/${remixerSlug}/create\\?prompt=`);
  const visited: string[] = [];
  guest.page.on("framenavigated", (frame) => {
    if (frame === guest.page.mainFrame()) visited.push(frame.url());
  });
  await guest.page.getByRole("button", { name: "Remix into my workspace" }).click();
  await expect.poll(() => visited.find((u) => landing.test(u))).toBeTruthy();
  await expect(guest.page.getByLabel("Prompt")).toHaveValue(prompt);
  const landed = new URL(visited.find((u) => landing.test(u))!);
  expect(landed.searchParams.get("prompt")).toBe(prompt);
  expect(landed.searchParams.get("size")).toBe("1024x1024");
  expect(landed.searchParams.get("n")).toBe("1");
  const refs = landed.searchParams.get("refs")?.split(",") ?? [];
  expect(refs).toHaveLength(1);
  // The copied reference is the remixer's own now: their member-only file route serves it.
  const file = await guest.page.request.get(`/api/files/${refs[0]}`);
  expect(file.status()).toBe(200);
  expect(file.headers()["content-type"]).toMatch(/^image\//);
  await guest.context.close();
});
