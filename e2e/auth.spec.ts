import { expect, newAccount, signIn, signOut, signUp, test } from "./fixtures";

test("sign up lands in a personal workspace, sign out, sign in again", async ({ page }) => {
  const account = newAccount();
  await signUp(page, account);
  await expect(page.getByTestId("workspace-name")).toHaveText(`${account.name.split(" ")[0]}'s studio`);
  await expect(page.getByRole("link", { name: "Create" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("link", { name: "Gallery" })).toBeVisible();

  await signOut(page);
  await expect(page.getByRole("link", { name: "Get started" })).toBeVisible();

  await signIn(page, account);
  await expect(page).toHaveURL(/\/w\/[^/]+\/create$/);
  await expect(page.getByTestId("workspace-name")).toBeVisible();
});

test("a wrong password is refused with a clear message", async ({ page }) => {
  const account = newAccount();
  await signUp(page, account);
  await signOut(page);
  await signIn(page, { email: account.email, password: "not the password at all" });
  await expect(page.getByText("Wrong email or password.")).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
});

test("sign-up answers a taken email exactly as a new one, and the account keeps its password", async ({ page }) => {
  const account = newAccount();
  await signUp(page, account);
  await signOut(page);

  const answers: string[] = [];
  for (const email of [account.email, newAccount().email]) {
    await page.goto("/sign-up");
    await page.getByLabel("Name").fill("Someone Else");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("a perfectly fine passphrase");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page).toHaveURL(/\/sign-in\?signedUp=1$/);
    answers.push(await page.getByRole("status").first().innerText());
  }
  expect(answers[0]).toContain("If this email was new");
  expect(answers[1]).toBe(answers[0]);

  // The taken email's account was not touched: its own password still works, the new one does not.
  await signIn(page, { email: account.email, password: "a perfectly fine passphrase" });
  await expect(page.getByText("Wrong email or password.")).toBeVisible();
  await signIn(page, account);
  await expect(page).toHaveURL(/\/w\/[^/]+\/create$/);
});

test("a weak password gets a clear message and the form keeps what was typed", async ({ page }) => {
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Someone Else");
  await page.getByLabel("Email").fill(newAccount().email);
  await page.getByLabel("Password").fill("password123");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("This password is too easy to guess.")).toBeVisible();
  // What the person typed stays in the form.
  await expect(page.getByLabel("Name")).toHaveValue("Someone Else");
});

test("a signed-out visit to an app page is sent to sign-in, then back", async ({ page }) => {
  const account = newAccount();
  await signUp(page, account);
  const galleryUrl = page.url().replace(/\/create$/, "/gallery");
  await signOut(page);

  await page.goto(galleryUrl);
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  await signIn(page, account);
  await expect(page).toHaveURL(galleryUrl);
  await expect(page.getByRole("heading", { name: "Gallery" })).toBeVisible();
});

test("another person's workspace is not found, not forbidden", async ({ page, browser }) => {
  const owner = newAccount("owner");
  await signUp(page, owner);
  const ownerWorkspaceUrl = page.url();

  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signUp(otherPage, newAccount("other"));
  const response = await otherPage.goto(ownerWorkspaceUrl);
  expect(response?.status()).toBe(404);
  await expect(otherPage.getByText("We couldn't find that")).toBeVisible();
  await other.close();
});
