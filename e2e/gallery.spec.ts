import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { unzipSync } from "fflate";
import pg from "pg";
import { createLocalStorage } from "../lib/storage/local";
import { seedGallery } from "../scripts/seed-gallery";
import { expect, newAccount, signUp, test } from "./fixtures";
import { E2E_DATABASE_URL as DATABASE_URL, E2E_STORAGE_DIR as STORAGE_DIR } from "./e2e-env";
import { card, fillAndGenerate } from "./studio";


const workspaceOf = (page: Page) => new URL(page.url()).pathname.split("/")[2]!;
const tiles = (page: Page) => page.getByTestId("gallery-tile");

async function generate(page: Page, prompt: string, opts: { size?: "Square" | "Landscape" | "Portrait"; n?: number } = {}) {
  await fillAndGenerate(page, { prompt, ...opts });
  await expect(card(page, prompt)).toHaveAttribute("data-status", "SUCCEEDED", { timeout: 30_000 });
}

async function tileIds(page: Page): Promise<string[]> {
  return tiles(page).evaluateAll((els) => els.map((el) => el.getAttribute("data-image-id")!));
}

test("browse: open from the grid, step with the keyboard, open by URL, favourite and filter, delete, remix", async ({
  signedIn: page,
}) => {
  const stamp = Date.now();
  const older = `A paper crane on a windowsill ${stamp}`;
  const newer = `A tram in the rain at night ${stamp}`;
  await generate(page, older, { size: "Portrait", n: 2 });
  await generate(page, newer, { size: "Landscape", n: 1 });
  const ws = workspaceOf(page);

  await page.getByRole("link", { name: "Gallery", exact: true }).click();
  await expect(page).toHaveURL(`/w/${ws}/gallery`);
  await expect(tiles(page)).toHaveCount(3);
  // Newest first, each tile at its image's own shape before any thumbnail arrives.
  await expect(tiles(page).first()).toContainText(newer);
  const first = tiles(page).first().locator("img");
  expect(await first.getAttribute("width")).toBe("1536");
  expect(await first.getAttribute("height")).toBe("1024");
  const ids = await tileIds(page);

  // The lightbox: its own URL, ←/→, Escape back to the grid with focus on the tile.
  await tiles(page).nth(1).getByTestId("tile-link").click();
  const lightbox = page.getByTestId("lightbox");
  await expect(lightbox).toBeVisible();
  await expect(page).toHaveURL(`/w/${ws}/gallery/${ids[1]}`);
  await expect(lightbox.getByTestId("detail-prompt")).toHaveText(older);
  await expect(lightbox.getByTestId("sibling")).toHaveCount(2);
  await page.keyboard.press("ArrowRight");
  await expect(page).toHaveURL(`/w/${ws}/gallery/${ids[2]}`);
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowLeft");
  await expect(page).toHaveURL(`/w/${ws}/gallery/${ids[0]}`);
  await expect(lightbox.getByTestId("detail-prompt")).toHaveText(newer);
  await page.keyboard.press("Escape");
  await expect(lightbox).toBeHidden();
  await expect(page).toHaveURL(`/w/${ws}/gallery`);
  await expect(tiles(page).first().getByTestId("tile-link")).toBeFocused();

  // The same address opened directly is a server-rendered page.
  await page.goto(`/w/${ws}/gallery/${ids[2]}`);
  await expect(page.getByTestId("detail-prompt")).toHaveText(older);
  await expect(page.getByTestId("detail-image")).toHaveAttribute("src", /^\/api\/files\//);
  const [original] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-original").click()]);
  expect(original.suggestedFilename()).toMatch(/^a-paper-crane-on-a-windowsill-\d+-2\.webp$/);

  // Remix goes to Create with the generation; "use as reference" (a POST: it adds a reference row)
  // lands on Create with this image as the one reference, and the draft keeps it.
  await expect(page.getByTestId("remix-link")).toHaveAttribute("href", new RegExp(`^/w/${ws}/create\\?remix=[A-Za-z0-9_-]+$`));
  await page.getByTestId("use-as-reference").click();
  await expect(page).toHaveURL(`/w/${ws}/create`);
  await expect(page.getByTestId("reference-count")).toHaveText("1 / 5");
  await expect(page.getByRole("img", { name: /^Reference 1: result-\d/ })).toBeVisible();
  await page.goto(`/w/${ws}/gallery/${ids[2]}`);

  // Favourite it here; the favourites filter then shows just that one, from a linkable URL.
  await page.getByRole("button", { name: "Add to favourites" }).click();
  await expect(page.getByRole("button", { name: "Favourite", exact: true })).toHaveAttribute("aria-pressed", "true");
  await page.goto(`/w/${ws}/gallery`);
  await page.getByLabel("Favourites", { exact: true }).check();
  await expect(page).toHaveURL(`/w/${ws}/gallery?favorites=1`);
  await expect(tiles(page)).toHaveCount(1);
  expect(await tileIds(page)).toEqual([ids[2]]);
  await page.getByLabel("Search prompts").fill("no such thing");
  await page.getByLabel("Search prompts").press("Enter");
  await expect(page.getByText("No results for these filters")).toBeVisible();
  await page.getByRole("link", { name: "Clear filters" }).first().click();
  await expect(tiles(page)).toHaveCount(3);

  // Delete one image (confirmed): gone from the grid, and its file no longer answers.
  await tiles(page).nth(1).getByTestId("tile-link").click();
  const src = await lightbox.getByTestId("detail-image").getAttribute("src");
  await lightbox.getByRole("button", { name: "Delete image" }).click();
  const confirm = page.getByRole("dialog", { name: "Delete this image?" });
  await expect(confirm).toBeVisible();
  await confirm.getByRole("button", { name: "Delete", exact: true }).click();
  // The lightbox moves on to the next image.
  await expect(page).toHaveURL(`/w/${ws}/gallery/${ids[2]}`);
  await page.keyboard.press("Escape");
  // Closing goes back in history; wait for it, or the reload below reloads the detail page.
  await expect(page).toHaveURL(`/w/${ws}/gallery`);
  await expect(tiles(page)).toHaveCount(2);
  expect(await tileIds(page)).toEqual([ids[0], ids[2]]);
  expect((await page.request.get(src!)).status()).toBe(404);
  await page.reload();
  await expect(tiles(page)).toHaveCount(2);

  // Remix pre-fills the Create form with the original prompt.
  await page.goto(`/w/${ws}/gallery/${ids[0]}`);
  await page.getByTestId("remix-link").click();
  await expect(page).toHaveURL(/\/create/);
  await expect(page.getByLabel("Prompt")).toHaveValue(newer);
});

test("select two and download them as one ZIP; collections hold a selection", async ({ signedIn: page }) => {
  const stamp = Date.now();
  await generate(page, `Koi pond from above ${stamp}`, { n: 2 });
  await generate(page, `Observatory under stars ${stamp}`, { n: 1 });
  const ws = workspaceOf(page);
  await page.goto(`/w/${ws}/gallery`);
  await expect(tiles(page)).toHaveCount(3);
  const ids = await tileIds(page);

  await page.getByRole("button", { name: "Select" }).click();
  await tiles(page).nth(0).getByTestId("tile-select").check();
  await tiles(page).nth(2).getByTestId("tile-select").check();
  await expect(page.getByTestId("selection-count")).toHaveText("2 selected");

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-zip").click()]);
  expect(download.suggestedFilename()).toBe(`${ws}-2-images.zip`);
  const zip = unzipSync(new Uint8Array(await readFile((await download.path())!)));
  const names = Object.keys(zip);
  expect(names).toHaveLength(2);
  expect(names.sort()).toEqual([`koi-pond-from-above-${stamp}-2.webp`, `observatory-under-stars-${stamp}-1.webp`].sort());
  for (const bytes of Object.values(zip)) expect(Buffer.from(bytes.subarray(8, 12)).toString("latin1")).toBe("WEBP");

  // The server refuses an id of another workspace, whatever else is asked for.
  expect((await page.request.get(`/api/w/${ws}/zip?ids=${ids[0]},not-mine-at-all`)).status()).toBe(404);

  // Make a collection from the selection, then see it on its own page.
  await page.getByRole("button", { name: "Add to collection" }).click();
  await page.getByLabel("New collection name").fill("Night and water");
  await page.getByRole("button", { name: "Create", exact: true }).click();
  await expect(page.getByTestId("gallery-notice")).toContainText("Created “Night and water” with the selection.");
  await page.getByRole("link", { name: "Collections", exact: true }).first().click();
  await expect(page.getByTestId("collection-card")).toHaveCount(1);
  await expect(page.getByTestId("collection-card")).toContainText("2 images");
  await page.getByTestId("collection-card").click();
  await expect(page.getByTestId("collection-name")).toHaveText("Night and water");
  expect((await tileIds(page)).sort()).toEqual([ids[0], ids[2]].sort());
});

test("a gallery of 2,000 generations keeps loading as you scroll, with no duplicate or missing image", async ({
  signedIn: page,
}) => {
  test.setTimeout(180_000);
  const ws = workspaceOf(page);
  await seedGallery({
    databaseUrl: DATABASE_URL,
    workspace: ws,
    count: 2000,
    storage: createLocalStorage({ rootDir: STORAGE_DIR }),
    startAt: new Date(Date.now() - 60_000),
  });

  await page.goto(`/w/${ws}/gallery`);
  await expect(tiles(page).first()).toBeVisible();
  let loaded = await tiles(page).count();
  // Ten pages' worth, by scrolling alone.
  while (loaded < 300) {
    await page.mouse.wheel(0, 4000);
    await expect.poll(() => tiles(page).count(), { timeout: 10_000 }).toBeGreaterThan(loaded);
    loaded = await tiles(page).count();
  }

  const shown = await tileIds(page);
  expect(new Set(shown).size).toBe(shown.length);
  const db = new pg.Client({ connectionString: DATABASE_URL });
  await db.connect();
  try {
    const { rows } = await db.query<{ id: string }>(
      `SELECT gi.id FROM "GenerationImage" gi
         JOIN "Generation" g ON g.id = gi."generationId"
         JOIN "Workspace" w ON w.id = g."workspaceId"
        WHERE w.slug = $1 AND g.status = 'SUCCEEDED'
        ORDER BY g."createdAt" DESC, g.id ASC, gi.index ASC
        LIMIT $2`,
      [ws, shown.length],
    );
    expect(shown).toEqual(rows.map((r) => r.id));
  } finally {
    await db.end();
  }
  // Thumbnails are real files: the last one loaded shows.
  const img = tiles(page).last().locator("img");
  await img.scrollIntoViewIfNeeded();
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBeGreaterThan(0);
});

test("another account guessing a workspace's addresses finds nothing there", async ({ signedIn: page, browser }) => {
  const prompt = `Private sketch ${Date.now()}`;
  await generate(page, prompt, { n: 1 });
  const ws = workspaceOf(page);
  await page.goto(`/w/${ws}/gallery`);
  const [imageId] = await tileIds(page);

  const context = await browser.newContext();
  const other = await context.newPage();
  await signUp(other, newAccount("outsider"));
  expect((await other.goto(`/w/${ws}/gallery/${imageId}`))?.status()).toBe(404);
  expect((await other.goto(`/w/${ws}/gallery`))?.status()).toBe(404);
  expect((await other.request.get(`/api/w/${ws}/gallery`)).status()).toBe(404);
  expect((await other.request.get(`/api/w/${ws}/zip?ids=${imageId}`)).status()).toBe(404);
  // Their own workspace's routes do not reach it either.
  const theirs = workspaceOf(other);
  expect((await other.goto(`/w/${theirs}/gallery/${imageId}`))?.status()).toBe(404);
  expect((await other.request.get(`/api/w/${theirs}/zip?ids=${imageId}`)).status()).toBe(404);
  const feed = (await (await other.request.get("/api/me/gallery")).json()) as { generations: unknown[] };
  expect(feed.generations).toEqual([]);
  await context.close();
});
