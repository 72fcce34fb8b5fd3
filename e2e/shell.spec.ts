import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

/** Nothing in the page is wider than the screen: a clipped or hidden control shows up here. */
async function horizontalOverflow(page: Page) {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the app navigation folds into a menu button that opens, closes on Escape and on navigation", async ({ signedIn: page }) => {
    const menu = page.getByRole("button", { name: "Menu", exact: true });
    const nav = page.getByRole("navigation", { name: "Workspace" });
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(nav).toBeHidden();
    expect(await horizontalOverflow(page)).toBe(0);
    // The panel is the element the button says it controls.
    await expect(page.locator(`[id="${await menu.getAttribute("aria-controls")}"]`)).toBeHidden();

    await menu.click();
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    await expect(nav.getByRole("link", { name: "Create" })).toHaveAttribute("aria-current", "page");
    await expect(page.getByRole("combobox", { name: "Language" })).toBeVisible();
    expect(await horizontalOverflow(page)).toBe(0);

    await page.keyboard.press("Escape");
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(nav).toBeHidden();
    await expect(menu).toBeFocused();

    // Keyboard only: open, move to a link, follow it.
    await page.keyboard.press("Enter");
    await expect(nav).toBeVisible();
    await nav.getByRole("link", { name: "Gallery" }).focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/gallery$/);
    await expect(nav).toBeHidden();
    await expect(menu).toHaveAttribute("aria-expanded", "false");

    // Following the link to the page already shown closes the panel too.
    await menu.click();
    await nav.getByRole("link", { name: "Gallery" }).click();
    await expect(nav).toBeHidden();

    // The workspace and account menus fit on the screen.
    await page.getByLabel(/^Workspace:/).click();
    await expect(page.getByRole("link", { name: "+ New workspace" })).toBeInViewport({ ratio: 1 });
    await page.getByLabel("Account menu").click();
    await expect(page.getByRole("button", { name: "Sign out" })).toBeInViewport({ ratio: 1 });
    expect(await horizontalOverflow(page)).toBe(0);
  });
});

test("on a wide screen the navigation is a row of links, with no menu button", async ({ signedIn: page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await expect(page.getByRole("button", { name: "Menu", exact: true })).toBeHidden();
  const nav = page.getByRole("navigation", { name: "Workspace" });
  await expect(nav.getByRole("link", { name: "API keys" })).toBeInViewport({ ratio: 1 });
  expect(await horizontalOverflow(page)).toBe(0);
});

test("the account button says what it is, and the initial it shows is not read as its name", async ({ signedIn: page }) => {
  const account = page.getByLabel("Account menu");
  await expect(account).toHaveAccessibleName("Account menu");
  await expect(account.locator("[aria-hidden]")).toHaveText(/^[A-Z]$/);
});

test("the account and workspace menus close on Escape, on a press outside, and when one of their links is followed", async ({ signedIn: page }) => {
  const account = page.getByLabel("Account menu");
  const myGallery = page.getByRole("link", { name: "My gallery" });
  await account.click();
  await expect(myGallery).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(myGallery).toBeHidden();
  await expect(account).toBeFocused();

  await account.click();
  await expect(myGallery).toBeVisible();
  // A choice inside the menu keeps it open; a press elsewhere on the page closes it.
  await page.getByRole("radio", { name: "Dark" }).check();
  await expect(myGallery).toBeVisible();
  await page.getByRole("heading", { level: 1 }).first().click();
  await expect(myGallery).toBeHidden();

  // Tabbing out of the open menu closes it too.
  await account.click();
  await expect(myGallery).toBeVisible();
  await account.focus();
  for (let i = 0; i < 12 && (await myGallery.isVisible()); i++) await page.keyboard.press("Tab");
  await expect(myGallery).toBeHidden();

  await page.getByRole("link", { name: "Gallery" }).click();
  await expect(page).toHaveURL(/\/gallery$/);
  const workspaces = page.getByLabel(/^Workspace: /);
  const newWorkspace = page.getByRole("link", { name: /New workspace/ });
  await workspaces.click();
  await expect(newWorkspace).toBeVisible();
  // The current workspace's entry leads to its Create page, under the same header, which stays
  // mounted across the navigation: the menu must not stay open over the new page.
  await page.locator("details a[aria-current=page]").click();
  await expect(page).toHaveURL(/\/create$/);
  await expect(newWorkspace).toBeHidden();
});

test("the theme follows the system until one is chosen, and the choice is served with the next page", async ({ signedIn: page }) => {
  const html = page.locator("html");
  const paper = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

  await page.emulateMedia({ colorScheme: "dark" });
  await expect(html).not.toHaveAttribute("data-theme", /./);
  const systemDark = await paper();
  await page.emulateMedia({ colorScheme: "light" });
  const systemLight = await paper();
  expect(systemDark).not.toBe(systemLight);

  await page.getByLabel("Account menu").click();
  await page.getByRole("radio", { name: "Dark" }).check();
  await expect(html).toHaveAttribute("data-theme", "dark");
  expect(await paper()).toBe(systemDark);

  // The server renders the choice into the HTML itself: no light first paint, no script needed.
  const served = await page.request.get(page.url());
  expect(await served.text()).toMatch(/<html[^>]* data-theme="dark"/);
  await page.reload();
  await expect(html).toHaveAttribute("data-theme", "dark");
  await page.getByLabel("Account menu").click();
  await expect(page.getByRole("radio", { name: "Dark" })).toBeChecked();

  await page.getByRole("radio", { name: "System" }).check();
  await expect(html).not.toHaveAttribute("data-theme", /./);
  expect(await paper()).toBe(systemLight);
  expect(await (await page.request.get(page.url())).text()).not.toMatch(/<html[^>]* data-theme=/);
});
