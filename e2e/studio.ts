import { expect, type Locator, type Page } from "@playwright/test";
import sharp from "sharp";

/** A real, distinct image for each reference (colour + a label), as a file the picker accepts. */
export async function referenceImage(name: string, colour: string, width = 640, height = 480) {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="${colour}"/><text x="40" y="120" font-size="96" font-family="DejaVu Sans" fill="white">${name}</text></svg>`;
  const buffer = await sharp(Buffer.from(svg)).png().toBuffer();
  return { name, mimeType: "image/png", buffer };
}

export async function addReferences(page: Page, files: { name: string; mimeType: string; buffer: Buffer }[]) {
  await page.getByTestId("reference-input").setInputFiles(files);
}

export async function waitForUploads(page: Page) {
  await expect(page.getByRole("progressbar")).toHaveCount(0, { timeout: 30_000 });
}

export async function fillAndGenerate(page: Page, opts: { prompt: string; size?: "Square" | "Landscape" | "Portrait"; n?: number }) {
  await page.getByLabel("Prompt").fill(opts.prompt);
  if (opts.size) await page.getByText(opts.size, { exact: true }).click();
  if (opts.n) await page.getByLabel("Number of images").selectOption(String(opts.n));
  await page.getByRole("button", { name: "Generate" }).click();
}

/** The card of the generation made from this prompt (newest first). */
export const card = (page: Page, prompt: string) =>
  page.getByTestId("generation").filter({ hasText: prompt }).first();

/** Makes a generation on the Create page and waits until it has its images. */
export async function generate(page: Page, prompt: string): Promise<Locator> {
  await fillAndGenerate(page, { prompt });
  const generation = card(page, prompt);
  await expect(generation).toHaveAttribute("data-status", "SUCCEEDED", { timeout: 30_000 });
  return generation;
}

/** Shares a generation through its card's dialog and returns the link. */
export async function share(page: Page, generation: Locator, opts: { password?: string; showReferences?: boolean } = {}) {
  await generation.getByRole("button", { name: /^Share/ }).click();
  const dialog = page.getByRole("dialog", { name: "Share this generation" });
  await expect(dialog).toBeVisible();
  if (opts.showReferences) await dialog.getByLabel("Show the reference images").check();
  if (opts.password) await dialog.getByLabel("Password (optional)").fill(opts.password);
  await dialog.getByRole("button", { name: "Create link" }).click();
  const url = await dialog.getByLabel("Share link").inputValue();
  expect(url).toMatch(/^http:\/\/localhost:\d+\/s\/[A-Za-z0-9_-]{32}$/);
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(dialog).toBeHidden();
  return url;
}
