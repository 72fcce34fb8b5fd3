import AxeBuilder from "@axe-core/playwright";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { expect, newAccount, signUp, test, type Account } from "./fixtures";
import { generate, share } from "./studio";

type Scheme = "light" | "dark";
type Violations = Awaited<ReturnType<AxeBuilder["analyze"]>>["violations"];

const locales = ["en", "zh-CN"] as const;
const schemes: Scheme[] = ["light", "dark"];

/** Serious and critical findings only; "label in name" is experimental in axe, so it is asked for by name. */
async function scan(page: Page): Promise<Violations> {
  const { violations } = await new AxeBuilder({ page }).options({ rules: { "label-content-name-mismatch": { enabled: true } } }).analyze();
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

function report(found: Record<string, Violations>) {
  return Object.entries(found)
    .flatMap(([where, violations]) =>
      violations.map(
        (v) =>
          `${where}: [${v.impact}] ${v.id} — ${v.help}\n` +
          v.nodes.map((n) => `    ${n.target.join(" ")}\n      ${(n.failureSummary ?? "").replace(/\n/g, "\n      ")}`).join("\n"),
      ),
    )
    .join("\n");
}

// One person, one finished generation and one share link for every language and scheme.
let account: Account;
let workspace: string;
let shareUrl: string;
let signedInState: Awaited<ReturnType<BrowserContext["storageState"]>>;
const prompt = `An atrium of hanging plants, for the audit ${Date.now()}`;

test.beforeAll(async ({ browser }) => {
  test.setTimeout(90_000);
  const context = await browser.newContext({ locale: "en-US" });
  const page = await context.newPage();
  account = newAccount("audit");
  await signUp(page, account);
  workspace = new URL(page.url()).pathname.split("/")[2]!;
  shareUrl = await share(page, await generate(page, prompt));
  signedInState = await context.storageState();
  await context.close();
});

async function signedInContext(browser: Browser, locale: string, colorScheme: Scheme) {
  const context = await browser.newContext({ locale, colorScheme, storageState: signedInState });
  const page = await context.newPage();
  await page.goto(`/w/${workspace}/create`);
  // A signed-in person's language is their stored choice: set it through the switcher.
  const switcher = page.getByRole("combobox", { name: /^(Language|语言)$/ });
  if ((await switcher.inputValue()) !== locale) {
    await switcher.selectOption(locale);
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
  }
  return { context, page };
}

for (const locale of locales) {
  for (const scheme of schemes) {
    test(`no serious or critical axe violations: ${locale}, ${scheme}`, async ({ browser }, testInfo) => {
      test.setTimeout(120_000);
      const found: Record<string, Violations> = {};

      const visitor = await browser.newContext({ locale, colorScheme: scheme });
      const guest = await visitor.newPage();
      await guest.goto("/");
      await expect(guest.locator("html")).toHaveAttribute("lang", locale);
      await expect(guest.getByRole("heading", { level: 1 })).toBeVisible();
      found.landing = await scan(guest);
      await guest.goto("/sign-in");
      await expect(guest.getByRole("textbox").first()).toBeVisible();
      found["sign-in"] = await scan(guest);
      await guest.goto(shareUrl);
      await expect(guest.getByTestId("shared-prompt")).toHaveText(prompt);
      found.share = await scan(guest);
      await visitor.close();

      const { context, page } = await signedInContext(browser, locale, scheme);
      const generation = page.getByTestId("generation").filter({ hasText: prompt });
      await expect(generation).toHaveAttribute("data-status", "SUCCEEDED");
      found.create = await scan(page);
      // The shell's own menus, open: the account menu with the theme choice, and the phone's navigation.
      const en = locale === "en";
      await page.getByLabel(en ? "Account menu" : "账户菜单").click();
      await expect(page.getByRole("radio", { name: en ? "System" : "跟随系统" })).toBeChecked();
      found["account menu"] = await scan(page);
      await page.setViewportSize({ width: 390, height: 844 });
      await page.getByRole("button", { name: en ? "Menu" : "菜单", exact: true }).click();
      await expect(page.getByRole("navigation", { name: en ? "Workspace" : "团队空间" })).toBeVisible();
      found["phone menu"] = await scan(page);
      await page.setViewportSize({ width: 1280, height: 720 });

      await page.goto(`/w/${workspace}/gallery`);
      const tile = page.getByTestId("gallery-tile").first();
      await expect(tile).toBeVisible();
      found.gallery = await scan(page);
      await tile.getByTestId("tile-link").click();
      await expect(page.getByTestId("lightbox").getByTestId("detail-prompt")).toHaveText(prompt);
      found.lightbox = await scan(page);

      await page.goto(`/w/${workspace}/members`);
      await expect(page.getByTestId("member-row").first()).toBeVisible();
      found.members = await scan(page);
      await page.goto(`/w/${workspace}/settings`);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      found.settings = await scan(page);
      await context.close();

      const counts = Object.fromEntries(Object.entries(found).map(([where, v]) => [where, v.length]));
      console.log(`axe ${locale} ${scheme}: ${JSON.stringify(counts)}`);
      await testInfo.attach(`axe-${locale}-${scheme}.json`, { body: JSON.stringify(found, null, 2), contentType: "application/json" });
      expect(Object.values(found).flat(), report(found)).toEqual([]);
    });
  }
}
