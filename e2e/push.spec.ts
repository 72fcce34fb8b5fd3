import type { Page, Request } from "@playwright/test";
import { expect, test } from "./fixtures";
import { card, fillAndGenerate } from "./studio";

/**
 * Push, not poll (issue #13): the tab's one live stream brings a generation's changes; the list
 * poll stands in only while the stream is down; a generation finishing in a background tab shows
 * in the title and, when allowed, as a notification that opens the result.
 */

const LIST = /\/api\/w\/[^/]+\/generations$/;
const ONE = /\/api\/w\/[^/]+\/generations\/[^/]+$/;
const EVENTS = /\/api\/events$/;

/** Every request the page makes from now on, by path. */
function recordRequests(page: Page) {
  const seen: string[] = [];
  const onRequest = (r: Request) => {
    if (r.method() === "GET") seen.push(new URL(r.url()).pathname);
  };
  page.on("request", onRequest);
  return { count: (pattern: RegExp) => seen.filter((p) => pattern.test(p)).length, stop: () => page.off("request", onRequest) };
}

const liveState = (page: Page) => page.locator("html");

async function expectImageShown(page: Page, prompt: string) {
  const generation = card(page, prompt);
  await expect(generation).toHaveAttribute("data-status", "SUCCEEDED", { timeout: 30_000 });
  const img = generation.getByTestId("generation-image").first();
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBeGreaterThan(0);
}

/** Makes the page report itself hidden or visible, as the browser does when its tab goes to the background. */
async function setVisibility(page: Page, state: "hidden" | "visible") {
  await page.evaluate((s) => {
    Object.defineProperty(document, "visibilityState", { configurable: true, get: () => s });
    Object.defineProperty(document, "hidden", { configurable: true, get: () => s === "hidden" });
    document.dispatchEvent(new Event("visibilitychange"));
  }, state);
}

test("a generation's image arrives over the tab's one stream: the list is not polled while it is open", async ({ signedIn: page }) => {
  await expect(liveState(page)).toHaveAttribute("data-live", "open");
  const requests = recordRequests(page);
  const prompt = `Pushed, not polled ${Date.now()}`;
  await fillAndGenerate(page, { prompt });
  await expectImageShown(page, prompt);
  // The stream carried the author's generation itself: neither it nor the list was read.
  expect(requests.count(ONE)).toBe(0);
  expect(requests.count(LIST)).toBe(0);

  // Create, the gallery and Activity share the stream: moving between them opens no second one.
  await page.getByRole("link", { name: "Gallery" }).click();
  await expect(page).toHaveURL(/\/gallery$/);
  await page.getByRole("link", { name: "Activity" }).click();
  await expect(page).toHaveURL(/\/activity$/);
  await expect(page.getByText(prompt).first()).toBeVisible();
  expect(requests.count(EVENTS)).toBe(0);
  requests.stop();
});

test("when the stream drops, the list poll stands in; when it returns, polling stops", async ({ signedIn: page }) => {
  // The stream as a proxy that cuts it would leave it: it opens, says ready, and ends; the
  // browser's reconnections then fail until the route is lifted.
  let served = 0;
  await page.route(EVENTS, (route) =>
    served++ === 0
      ? route.fulfill({ status: 200, contentType: "text/event-stream", body: "retry: 1000\n\nevent: ready\ndata: {}\n\n" })
      : route.abort(),
  );
  await page.reload();
  await expect(liveState(page)).toHaveAttribute("data-live", "down");
  expect(served).toBeGreaterThan(0);

  const polling = recordRequests(page);
  // Slow enough at the stand-in that the pending generation is polled for before it finishes.
  const prompt = `Polled while the stream is down [latency:3000] ${Date.now()}`;
  await fillAndGenerate(page, { prompt });
  await expectImageShown(page, prompt);
  expect(polling.count(LIST)).toBeGreaterThan(1);
  expect(polling.count(ONE)).toBe(0);
  polling.stop();

  await page.unroute(EVENTS);
  await expect(liveState(page)).toHaveAttribute("data-live", "open", { timeout: 30_000 });
  const pushed = recordRequests(page);
  const again = `Pushed again ${Date.now()}`;
  await fillAndGenerate(page, { prompt: again });
  await expectImageShown(page, again);
  expect(pushed.count(LIST)).toBe(0);
  expect(pushed.count(ONE)).toBe(0);
  pushed.stop();
});

test("a generation finishing in a background tab shows in its title until the person comes back", async ({ signedIn: page }) => {
  await expect(liveState(page)).toHaveAttribute("data-live", "open");
  const title = await page.title();
  const prompts = [`Background one [latency:1500] ${Date.now()}`, `Background two [latency:1500] ${Date.now()}`];
  for (const prompt of prompts) await fillAndGenerate(page, { prompt });
  await setVisibility(page, "hidden");
  await expect(page).toHaveTitle(`(2) ${title}`, { timeout: 30_000 });
  await setVisibility(page, "visible");
  await expect(page).toHaveTitle(title);
});

test.describe("notifications", () => {
  // Records what the app asks of the Notification API (a headless browser shows nothing itself).
  test.beforeEach(async ({ context }) => {
    await context.addInitScript(() => {
      const Real = window.Notification;
      const record = window as unknown as { asked: number; shown: Notification[] };
      record.asked = 0;
      record.shown = [];
      class Recorded extends Real {
        constructor(title: string, options?: NotificationOptions) {
          super(title, options);
          record.shown.push(this);
        }
        static override requestPermission() {
          record.asked++;
          return Real.requestPermission();
        }
      }
      window.Notification = Recorded as typeof Notification;
    });
  });

  test("asked on the first generation, not on page load, and only once", async ({ signedIn: page }) => {
    const asked = () => page.evaluate(() => (window as unknown as { asked: number }).asked);
    expect(await asked()).toBe(0);
    await fillAndGenerate(page, { prompt: `First ${Date.now()}` });
    await expect.poll(asked).toBe(1);
    await page.reload();
    await fillAndGenerate(page, { prompt: `Second ${Date.now()}` });
    await expectImageShown(page, "Second");
    expect(await asked()).toBe(0);
  });

  test("when allowed, a generation finishing in the background notifies, and the notification opens it", async ({ signedIn: page, context }) => {
    await context.grantPermissions(["notifications"]);
    await expect(liveState(page)).toHaveAttribute("data-live", "open");
    const prompt = `Notify me [latency:1500] ${Date.now()}`;
    await fillAndGenerate(page, { prompt });
    await setVisibility(page, "hidden");
    const shown = () => page.evaluate(() => (window as unknown as { shown: Notification[] }).shown.map((n) => ({ title: n.title, body: n.body })));
    await expect.poll(shown, { timeout: 30_000 }).toEqual([{ title: "Your image is ready", body: prompt }]);
    await page.evaluate(() => {
      const [n] = (window as unknown as { shown: Notification[] }).shown;
      n!.onclick?.(new Event("click"));
    });
    await expect(page).toHaveURL(/\/activity\/[^/]+$/);
    await expect(page.getByRole("heading", { name: prompt })).toBeVisible();
  });
});
