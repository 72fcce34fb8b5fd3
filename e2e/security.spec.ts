import { expect, newAccount, signIn, signOut, signUp, test } from "./fixtures";
import { card, fillAndGenerate } from "./studio";

/**
 * Issue #8 as the attacker ran it, against the production build: Auth.js's own credentials
 * endpoint (CSRF token from /api/auth/csrf, no form, no server action), an open redirect through
 * callbackUrl, and what a locked-out person sees.
 */

test("Auth.js's credentials endpoint is rate limited per account and address, and the form says when to retry", async ({ page, playwright, baseURL }) => {
  const account = newAccount("target");
  await signUp(page, account);
  await signOut(page);

  const attacker = await playwright.request.newContext({ baseURL });
  const attempt = async (password: string, address: string) => {
    const { csrfToken } = (await (await attacker.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const response = await attacker.post("/api/auth/callback/credentials", {
      form: { email: account.email, password, csrfToken, callbackUrl: "/w" },
      headers: { "x-forwarded-for": address },
      maxRedirects: 0,
    });
    return new URL(response.headers().location ?? "", baseURL);
  };

  for (let i = 0; i < 10; i++) {
    const landed = await attempt(`wrong guess ${i}`, "203.0.113.50");
    expect(landed.searchParams.get("code"), `attempt ${i + 1}`).toBe("credentials");
  }
  const eleventh = await attempt("wrong guess 11", "203.0.113.50");
  expect(eleventh.searchParams.get("code")).toMatch(/^rate_limited_\d+$/);
  // The right password is refused too from that address, until the window passes…
  const right = await attempt(account.password, "203.0.113.50");
  expect(right.searchParams.get("code")).toMatch(/^rate_limited_\d+$/);
  // …and the page it is sent to says when to try again.
  await page.goto(right.pathname + right.search);
  await expect(page.getByRole("status").first()).toContainText(/Too many sign-in attempts.*try again in 1[45] minutes/);

  // The person, from their own address, is not locked out by someone else's guesses.
  const elsewhere = await attempt(account.password, "198.51.100.9");
  expect(elsewhere.pathname).toBe("/w");
  expect(elsewhere.searchParams.get("error")).toBeNull();
  await attacker.dispose();
});

test("a callbackUrl that leaves the site is not followed after sign-in", async ({ page }) => {
  const account = newAccount();
  await signUp(page, account);
  await signOut(page);
  for (const callbackUrl of ["/%09/evil.example", "//evil.example", "/%5Cevil.example", "https://evil.example/"]) {
    await page.goto(`/sign-in?callbackUrl=${callbackUrl}`);
    await signIn(page, account);
    await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/w\/[^/]+\/create$/);
    await signOut(page);
  }
});

test("pages carry a nonce CSP and the fixed headers; served files are sandboxed", async ({ signedIn: page, request }) => {
  const home = await request.get("/");
  const csp = home.headers()["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/);
  expect(csp).not.toContain("unsafe-eval");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(home.headers()["x-content-type-options"]).toBe("nosniff");
  expect(home.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(home.headers()["permissions-policy"]).toContain("camera=()");
  // A fresh nonce on every request.
  const again = (await request.get("/")).headers()["content-security-policy"];
  expect(again).not.toBe(csp);
  // Static build files and API answers get the fixed headers too.
  expect((await request.get("/api/health")).headers()["x-content-type-options"]).toBe("nosniff");

  // A generated image, as our file route serves it.
  const prompt = `Headers check ${Date.now()}`;
  await fillAndGenerate(page, { prompt });
  await expect(card(page, prompt)).toHaveAttribute("data-status", "SUCCEEDED", { timeout: 30_000 });
  const src = await card(page, prompt).locator("img").first().getAttribute("src");
  const file = await page.request.get(src!);
  expect(file.status()).toBe(200);
  expect(file.headers()["content-security-policy"]).toBe("default-src 'none'; sandbox");
  expect(file.headers()["x-content-type-options"]).toBe("nosniff");

  // The gallery and its lightbox run under the CSP too (the cspGuard fixture fails on any violation).
  await page.getByRole("link", { name: "Gallery", exact: true }).click();
  await page.getByTestId("gallery-tile").first().getByTestId("tile-link").click();
  await expect(page.getByTestId("lightbox")).toBeVisible();
  await expect(page.getByTestId("lightbox").locator("img").first()).toBeVisible();
});
