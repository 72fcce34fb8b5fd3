import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { addReferences, card, fillAndGenerate, referenceImage, waitForUploads } from "./studio";

const viewports = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
] as const;

/**
 * Text that does not fit its box: buttons, links, labels, headings and the like whose content is
 * wider (or taller) than the box. Boxes that scroll on purpose and text cut short on purpose
 * (an ellipsis, a line clamp) are left out; so are boxes that are not on screen.
 */
async function overflowingText(page: Page) {
  return page.evaluate(() => {
    const selector = "button, a, label, legend, summary, select, h1, h2, h3, h4, th, td, [role=tab], [role=status], p, span, li";
    const found: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>(selector)) {
      const style = getComputedStyle(el);
      if (style.display === "inline" || style.display === "contents" || el.getClientRects().length === 0) continue;
      if (!el.innerText?.trim()) continue;
      if (["auto", "scroll"].includes(style.overflowX) || style.textOverflow === "ellipsis" || style.webkitLineClamp !== "none") continue;
      if (el.closest("[data-scrolls]") || el.matches("select")) continue;
      const wide = el.scrollWidth > el.clientWidth + 1;
      const tall = style.overflowY === "hidden" && el.scrollHeight > el.clientHeight + 1;
      if (wide || tall) found.push(`${el.tagName.toLowerCase()} "${el.innerText.trim().slice(0, 60)}" ${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight}`);
    }
    // A placeholder is clipped without any scrollWidth to show it: measure its text instead.
    const context = document.createElement("canvas").getContext("2d")!;
    for (const input of document.querySelectorAll<HTMLInputElement>("input[placeholder]")) {
      if (input.value || input.getClientRects().length === 0) continue;
      const style = getComputedStyle(input);
      context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      const needs = context.measureText(input.placeholder).width;
      if (needs > room + 1) found.push(`placeholder "${input.placeholder}" ${Math.ceil(needs)} in ${Math.floor(room)}`);
    }
    const page = document.documentElement;
    if (page.scrollWidth > page.clientWidth) found.push(`the page scrolls sideways: ${page.scrollWidth} in ${page.clientWidth}`);
    return found;
  });
}

test("the Create page, with references and a finished generation, fits its text in both languages and sizes", async ({ signedIn: page }, testInfo) => {
  test.setTimeout(120_000);
  const prompt = `A tea house at dusk, lanterns and rain on the street, from the references ${Date.now()}`;
  await addReferences(page, [await referenceImage("Lantern", "#8a3b2f"), await referenceImage("Street", "#2f5d8a")]);
  await waitForUploads(page);
  await fillAndGenerate(page, { prompt });
  const generation = card(page, prompt);
  await expect(generation).toHaveAttribute("data-status", "SUCCEEDED", { timeout: 30_000 });

  const switcher = page.getByRole("combobox", { name: /^(Language|语言)$/ });
  for (const locale of ["en", "zh-CN"] as const) {
    await page.setViewportSize(viewports[0]);
    if ((await switcher.inputValue()) !== locale) {
      await switcher.selectOption(locale);
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
    }
    // References for the next generation, beside the finished one.
    if ((await page.getByTestId("reference-slot").count()) === 0) {
      await addReferences(page, [await referenceImage("Lantern", "#8a3b2f"), await referenceImage("Rain", "#3f6b4a")]);
      await waitForUploads(page);
    }
    await expect(page.getByTestId("reference-slot")).not.toHaveCount(0);
    await expect(generation.locator("img").first()).toBeVisible();

    for (const scheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const viewport of viewports) {
        await page.setViewportSize(viewport);
        // Every picture on the page has loaded before the shot.
        await expect
          .poll(() => page.locator("img").evaluateAll((imgs) => imgs.every((img) => (img as HTMLImageElement).complete)))
          .toBe(true);
        const name = `create-${locale}-${scheme}-${viewport.width}x${viewport.height}.png`;
        // Kept under test-results/ by its name as well, to be looked at after a passing run.
        const path = testInfo.outputPath(name);
        await page.screenshot({ path, fullPage: true });
        await testInfo.attach(name, { path, contentType: "image/png" });
        expect(await overflowingText(page), `${name}: text wider than its box`).toEqual([]);
        // Pictures are shown as they are in either scheme: no filter on an image or a thumbnail.
        const filtered = await page.locator("img").evaluateAll((imgs) => imgs.filter((img) => getComputedStyle(img).filter !== "none").length);
        expect(filtered, `${name}: filtered images`).toBe(0);
      }
    }
  }
});
