import OpenAI from "openai";
import sharp from "sharp";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { ledger } from "./stand-in";
import { referenceImage } from "./studio";

const baseURL = `http://localhost:${Number(process.env.E2E_PORT ?? 3100)}/api/v1`;

/** Creates a key on the workspace's API keys page and reads the token it shows once. */
async function createKey(page: Page, name: string) {
  await page.getByRole("link", { name: "API keys" }).click();
  await page.getByLabel("Key name").fill(name);
  await page.getByRole("button", { name: "Create key" }).click();
  const token = (await page.getByTestId("new-api-key-token").textContent())!.trim();
  expect(token).toMatch(/^atl_[A-Za-z0-9_-]{43}$/);
  return token;
}

test("the official openai client drives Atelier's API: images land in the gallery; a revoked key is refused", async ({ signedIn: page }) => {
  test.setTimeout(120_000);
  const workspace = new URL(page.url()).pathname.split("/")[2]!;
  const token = await createKey(page, "catalogue script");
  await expect(page.getByTestId("api-key-row").filter({ hasText: "catalogue script" })).toContainText("never used");
  const client = new OpenAI({ apiKey: token, baseURL, maxRetries: 0 });

  // Without references: two images, as long-lived links that need no cookie.
  const plain = `API lighthouse ${Date.now()}`;
  const first = await client.images.generate({ model: "gpt-image-2-all", prompt: plain, n: 2, size: "1536x1024" });
  expect(first.data).toHaveLength(2);
  for (const item of first.data!) {
    expect(item.url).toMatch(new RegExp(`^http://localhost:\\d+/api/v1/files/`));
    const file = await fetch(item.url!);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toMatch(/^image\//);
  }

  // With a reference as a data URL, answered as b64_json; the relay received the reference.
  const ref = await referenceImage("api-ref", "#336699");
  const merged = `API merge ${Date.now()}`;
  const second = await client.images.generate({
    model: "gpt-image-2-all",
    prompt: merged,
    n: 1,
    response_format: "b64_json",
    // The relay contract's `image` field, which openai's generate() type does not list; the client sends it as given.
    ...({ image: [`data:image/png;base64,${ref.buffer.toString("base64")}`] } as object),
  });
  expect(second.data).toHaveLength(1);
  const decoded = await sharp(Buffer.from(second.data![0]!.b64_json!, "base64")).metadata();
  expect(decoded.width).toBeGreaterThan(0);
  // The worker may add a shape hint to the prompt it sends, so match by inclusion.
  const calls = (await ledger()).filter((e) => e.body?.prompt?.includes(merged));
  expect(calls.length).toBeGreaterThanOrEqual(1);
  expect(calls[0]!.body!.image).toHaveLength(1);

  // Errors come back as the client's own error classes, with OpenAI's statuses and the bad param.
  const tooMany = await client.images.generate({ prompt: "too many", n: 9 }).catch((e: unknown) => e);
  expect(tooMany).toBeInstanceOf(OpenAI.BadRequestError);
  expect((tooMany as InstanceType<typeof OpenAI.BadRequestError>).param).toBe("n");
  const privateRef = await client.images
    .generate({ prompt: "private", ...({ image: ["http://127.0.0.1:1/secret.png"] } as object) })
    .catch((e: unknown) => e);
  expect((privateRef as InstanceType<typeof OpenAI.BadRequestError>).status).toBe(400);

  // Both generations are in the workspace gallery, by the key's owner.
  await page.goto(`/w/${workspace}/gallery`);
  await expect(page.getByTestId("gallery-tile").filter({ has: page.getByAltText(new RegExp(plain)) })).toHaveCount(2);
  const mergedTile = page.getByTestId("gallery-tile").filter({ has: page.getByAltText(new RegExp(merged)) });
  await expect(mergedTile).toHaveCount(1);
  // Marked as made through the API, with the key's name, on the tile and in the lightbox.
  await expect(mergedTile.getByTestId("tile-via-api")).toHaveText("via API · catalogue script");
  await mergedTile.getByTestId("tile-link").click();
  await expect(page.getByTestId("detail-via-api")).toHaveText("via API · catalogue script");

  // The key page shows it was used; revoked, it is refused at once.
  await page.goto(`/w/${workspace}/api-keys`);
  const row = page.getByTestId("api-key-row").filter({ hasText: "catalogue script" });
  await expect(row.getByTestId("api-key-last-used")).toContainText("last used");
  await row.getByRole("button", { name: "Revoke key “catalogue script”" }).click();
  await row.getByRole("button", { name: "Revoke now: key “catalogue script”" }).click();
  await expect(row.getByTestId("api-key-revoked")).toBeVisible();
  const refused = await client.images.generate({ prompt: "after revoking" }).catch((e: unknown) => e);
  expect(refused).toBeInstanceOf(OpenAI.AuthenticationError);
});
