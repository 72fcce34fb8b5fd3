import type { Browser, Page } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { expect, newAccount, signIn, signUp, test, type Account } from "./fixtures";
import { addReferences, card, fillAndGenerate, referenceImage, waitForUploads } from "./studio";

/** A team workspace made through the UI; the owner ends on its members page. */
async function createTeam(owner: Page): Promise<{ slug: string; name: string }> {
  const id = randomUUID().slice(0, 6);
  const name = `Team ${id}`;
  const slug = `team-${id}`;
  await owner.getByLabel(/^Workspace:/).click();
  await owner.getByRole("link", { name: "+ New workspace" }).click();
  await expect(owner).toHaveURL(/\/w\/new$/);
  await owner.getByLabel("Name").fill(name);
  await expect(owner.getByLabel("Address")).toHaveValue(slug);
  await owner.getByRole("button", { name: "Create workspace" }).click();
  await expect(owner).toHaveURL(new RegExp(`/w/${slug}/members$`));
  await expect(owner.getByTestId("workspace-name")).toHaveText(name);
  return { slug, name };
}

async function createInvite(owner: Page, role: "ADMIN" | "EDITOR" | "VIEWER", email?: string): Promise<string> {
  const previous = (await owner.getByTestId("invite-link").count()) ? await owner.getByTestId("invite-link").inputValue() : null;
  await owner.getByLabel("Role", { exact: true }).selectOption(role);
  if (email) await owner.getByLabel("Only for this email (optional)").fill(email);
  await owner.getByRole("button", { name: "Create invite link" }).click();
  const link = owner.getByTestId("invite-link");
  await expect(link).toHaveValue(/\/invite\/[A-Za-z0-9_-]{43}$/);
  if (previous) await expect(link).not.toHaveValue(previous);
  return link.inputValue();
}

/** A new person opens the link signed out, signs up through it, comes back and joins. */
async function joinBySigningUp(browser: Browser, link: string, account: Account, team: { slug: string; name: string }) {
  const page = await (await browser.newContext()).newPage();
  await page.goto(link);
  await expect(page.getByRole("heading", { name: `Join ${team.name}` })).toBeVisible();
  await page.getByRole("link", { name: "Create an account to join" }).click();
  await expect(page).toHaveURL(/\/sign-up\?callbackUrl=%2Finvite%2F/);
  await page.getByLabel("Name").fill(account.name);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/sign-in\?signedUp=1&callbackUrl=%2Finvite%2F/);
  await signIn(page, account);
  await expect(page).toHaveURL(new URL(link).pathname);
  await page.getByRole("button", { name: `Join ${team.name}` }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${team.slug}/create$`));
  await expect(page.getByTestId("workspace-name")).toHaveText(team.name);
  return page;
}

const firstName = (a: Account) => a.name.split(" ")[0]!;

test("owner, editor and viewer: invitations, live activity, roles in the UI and on the server, removal", async ({ browser }) => {
  test.setTimeout(180_000);
  const owner = await (await browser.newContext()).newPage();
  const ownerAccount = newAccount("owner");
  await signUp(owner, ownerAccount);
  const team = await createTeam(owner);

  const editorLink = await createInvite(owner, "EDITOR");
  const viewerLink = await createInvite(owner, "VIEWER");
  await expect(owner.getByTestId("invitation-row")).toHaveCount(2);

  const editorAccount = newAccount("editor");
  const viewerAccount = newAccount("viewer");
  const editor = await joinBySigningUp(browser, editorLink, editorAccount, team);
  const viewer = await joinBySigningUp(browser, viewerLink, viewerAccount, team);

  // Single-use links are spent; the members page shows both with their roles.
  await owner.reload();
  await expect(owner.getByTestId("invitation-row")).toHaveCount(0);
  await expect(owner.getByTestId("member-row").filter({ hasText: editorAccount.email }).getByTestId("member-role")).toHaveText("Editor");
  await expect(owner.getByTestId("member-row").filter({ hasText: viewerAccount.email }).getByTestId("member-role")).toHaveText("Viewer");

  // The owner watches Activity; the editor pins a reference and generates from the Create UI.
  await owner.getByRole("link", { name: "Activity" }).click();
  await expect(owner.getByRole("heading", { name: "Activity" })).toBeVisible();
  await owner.evaluate(() => ((window as unknown as { sameDocument?: boolean }).sameDocument = true));

  await addReferences(editor, [await referenceImage("logo", "#2a6")]);
  await waitForUploads(editor);
  await editor.getByRole("button", { name: "Pin logo to the library" }).click();
  await expect(editor.getByRole("button", { name: "logo is in the library" })).toBeDisabled();
  const prompt = `Team poster ${Date.now()}`;
  await fillAndGenerate(editor, { prompt });
  await expect(card(editor, prompt)).toHaveAttribute("data-status", "SUCCEEDED", { timeout: 30_000 });

  const item = owner.getByTestId("activity-item").filter({ hasText: prompt });
  await expect(item).toBeVisible({ timeout: 15_000 });
  await expect(item).toHaveAttribute("data-status", "SUCCEEDED", { timeout: 15_000 });
  await expect(item.getByTestId("activity-author")).toHaveText(editorAccount.name);
  expect(await owner.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);

  // The owner discusses and approves it; the mention resolves to the editor.
  await item.getByRole("link", { name: /^Discuss/ }).click();
  await owner.getByLabel("Comment", { exact: true }).fill(`@${firstName(editorAccount)} love it, keep the palette`);
  await owner.getByRole("button", { name: "Post comment" }).click();
  await expect(owner.getByTestId("comment").getByTestId("comment-mention")).toHaveText(`@${editorAccount.name}`);
  await owner.getByRole("button", { name: "Approve" }).click();
  await expect(owner.getByTestId("review-status")).toHaveText("Approved");

  // Everyone picks from the same library: the owner adds the editor's pinned logo to a slot.
  await owner.getByRole("link", { name: "Create" }).click();
  await owner.getByTestId("library-picker").getByText("Library (1)").click();
  await owner.getByRole("button", { name: "Add logo as a reference" }).click();
  await expect(owner.getByTestId("reference-count")).toHaveText("1 / 5");

  // The viewer browses and downloads, is offered nothing to create or delete, and the server agrees.
  await viewer.getByRole("link", { name: "Create" }).click();
  await expect(viewer.getByRole("heading", { name: "You can browse, not create, here" })).toBeVisible();
  await expect(viewer.getByRole("link", { name: "Settings" })).toHaveCount(0);
  await viewer.getByRole("link", { name: "Activity" }).click();
  const seen = viewer.getByTestId("activity-item").filter({ hasText: prompt });
  await seen.getByRole("link", { name: /^Discuss/ }).click();
  await expect(viewer.getByTestId("review-status")).toHaveText("Approved");
  await expect(viewer.getByRole("button", { name: /delete|approve|post comment/i })).toHaveCount(0);
  const download = await viewer.request.get((await viewer.getByRole("link", { name: "Download image 1" }).getAttribute("href"))!);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-disposition"]).toMatch(/^attachment;/);
  const upload = await viewer.request.post(`/api/w/${team.slug}/uploads`, {
    headers: { "X-File-Name": "sneaky.png" },
    multipart: { file: await referenceImage("sneaky", "#000") },
  });
  expect(upload.status()).toBe(403);
  await viewer.getByRole("link", { name: "Members" }).click();
  await expect(viewer.getByRole("button", { name: /^Remove/ })).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: "Create invite link" })).toHaveCount(0);

  // The usage is shown to members; a quota the owner lowers refuses the editor with the count.
  await expect(viewer.getByTestId("usage-summary")).toContainText("1 of 200");
  await owner.getByRole("link", { name: "Settings" }).click();
  await owner.getByLabel("Images per day").fill("1");
  await owner.getByRole("button", { name: "Save limit" }).click();
  await expect(owner.getByText("Daily limit set to 1 image.")).toBeVisible();
  await fillAndGenerate(editor, { prompt: `Over the limit ${Date.now()}` });
  await expect(editor.getByTestId("create-message")).toHaveText(
    "This workspace has 0 of today's 1 images left; this asks for 1. The count starts again at 00:00 UTC.",
  );

  // Removing the editor ends their access on their next request; their generation stays.
  await owner.getByRole("link", { name: "Members" }).click();
  await owner.getByRole("button", { name: `Remove ${editorAccount.name}` }).click();
  await owner.getByRole("button", { name: `Confirm removing ${editorAccount.name}` }).click();
  await expect(owner.getByTestId("member-row").filter({ hasText: editorAccount.email })).toHaveCount(0);
  const response = await editor.goto(`/w/${team.slug}/create`);
  expect(response?.status()).toBe(404);
  const api = await editor.request.get(`/api/w/${team.slug}/generations`);
  expect(api.status()).toBe(404);
  await owner.getByRole("link", { name: "Activity" }).click();
  await expect(owner.getByTestId("activity-item").filter({ hasText: prompt }).getByTestId("activity-author")).toHaveText(editorAccount.name);
});

test("live gallery: a teammate's new image appears without a reload; member and review filters; discussion and share in the lightbox", async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const owner = await (await browser.newContext()).newPage();
  const ownerAccount = newAccount("owner");
  await signUp(owner, ownerAccount);
  const team = await createTeam(owner);
  const editorAccount = newAccount("editor");
  const editor = await joinBySigningUp(browser, await createInvite(owner, "EDITOR"), editorAccount, team);
  const tiles = owner.getByTestId("gallery-tile");
  const stamp = Date.now();

  const ownPrompt = `Owner still life ${stamp}`;
  await owner.goto(`/w/${team.slug}/create`);
  await fillAndGenerate(owner, { prompt: ownPrompt });
  await expect(card(owner, ownPrompt)).toHaveAttribute("data-status", "SUCCEEDED", { timeout: 30_000 });

  // The owner has the gallery open; the editor generates; it arrives in the same document.
  await owner.goto(`/w/${team.slug}/gallery`);
  await expect(tiles).toHaveCount(1);
  await owner.evaluate(() => ((window as unknown as { sameDocument?: boolean }).sameDocument = true));
  const editorPrompt = `Editor poster ${stamp}`;
  await fillAndGenerate(editor, { prompt: editorPrompt });
  await expect(card(editor, editorPrompt)).toHaveAttribute("data-status", "SUCCEEDED", { timeout: 30_000 });
  await expect(tiles.first()).toContainText(editorPrompt, { timeout: 15_000 });
  await expect(tiles).toHaveCount(2);
  await expect(owner.getByTestId("gallery-notice")).toHaveText("1 new image");
  expect(await owner.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);

  // The lightbox carries the discussion: the owner approves the editor's image and may share it.
  await tiles.filter({ hasText: editorPrompt }).getByTestId("tile-link").click();
  const lightbox = owner.getByTestId("lightbox");
  await expect(lightbox.getByTestId("detail-prompt")).toHaveText(editorPrompt);
  await lightbox.getByRole("button", { name: "Approve" }).click();
  await expect(lightbox.getByTestId("review-status")).toHaveText("Approved");
  await expect(lightbox.getByRole("button", { name: /^Share/ })).toBeVisible();
  await owner.keyboard.press("Escape");
  await expect(lightbox).toBeHidden();
  // Closing goes back in history; let it land before the filter navigates again.
  await expect(owner).toHaveURL(/\/gallery$/);

  // The member filter shows only that member's images, from a linkable URL.
  await owner.getByLabel("Member", { exact: true }).selectOption({ label: editorAccount.name });
  await expect(owner).toHaveURL(/[?&]member=/);
  await expect(tiles).toHaveCount(1);
  await expect(tiles.first()).toContainText(editorPrompt);
  await expect(tiles.first().getByTestId("tile-review")).toHaveText("Approved");
  await owner.getByLabel("Member", { exact: true }).selectOption({ label: `${ownerAccount.name} (you)` });
  await expect(tiles).toHaveCount(1);
  await expect(tiles.first()).toContainText(ownPrompt);
  await owner.getByLabel("Review status").selectOption({ label: "Approved" });
  await expect(owner.getByText("No results for these filters")).toBeVisible();
  await owner.getByLabel("Member", { exact: true }).selectOption({ label: "Every member" });
  await expect(tiles).toHaveCount(1);
  await expect(tiles.first()).toContainText(editorPrompt);

  // Live under a filter: the editor's next image arrives in the view filtered to the editor.
  await owner.goto(`/w/${team.slug}/gallery`);
  await owner.getByLabel("Member", { exact: true }).selectOption({ label: editorAccount.name });
  await expect(tiles).toHaveCount(1);
  const nextPrompt = `Editor second poster ${stamp}`;
  await fillAndGenerate(editor, { prompt: nextPrompt });
  await expect(card(editor, nextPrompt)).toHaveAttribute("data-status", "SUCCEEDED", { timeout: 30_000 });
  await expect(tiles.first()).toContainText(nextPrompt, { timeout: 15_000 });
  await expect(tiles).toHaveCount(2);

  // The editor may share their own image, not the owner's; the detail page shows the review too.
  await editor.goto(`/w/${team.slug}/gallery`);
  const editorTiles = editor.getByTestId("gallery-tile");
  await editorTiles.filter({ hasText: ownPrompt }).getByTestId("tile-link").click();
  await expect(editor.getByTestId("lightbox").getByTestId("generation-discussion")).toBeVisible();
  await expect(editor.getByTestId("lightbox").getByRole("button", { name: /^Share/ })).toHaveCount(0);
  const editorsImage = await editorTiles.filter({ hasText: editorPrompt }).getAttribute("data-image-id");
  await editor.goto(`/w/${team.slug}/gallery/${editorsImage}`);
  await expect(editor.getByTestId("review-status")).toHaveText("Approved");
  await expect(editor.getByRole("button", { name: /^Share/ })).toBeVisible();
  await expect(editor.getByRole("button", { name: "Approve" })).toHaveCount(0);
});

test("invitation links: revoked and email-bound links say why they cannot be used", async ({ browser, page }) => {
  const ownerAccount = newAccount("owner");
  await signUp(page, ownerAccount);
  const team = await createTeam(page);
  const revoked = await createInvite(page, "VIEWER");
  const intended = newAccount("intended");
  const bound = await createInvite(page, "EDITOR", intended.email);
  await page.getByRole("button", { name: "Revoke Viewer invitation" }).click();
  await expect(page.getByTestId("invitation-row")).toHaveCount(1);
  await expect(page.getByTestId("invitation-row")).toContainText(intended.email);

  const stranger = await (await browser.newContext()).newPage();
  await stranger.goto(revoked);
  await expect(stranger.getByText("This invitation was withdrawn.")).toBeVisible();

  await stranger.goto(bound);
  await stranger.getByRole("link", { name: "Create an account to join" }).click();
  const other = newAccount("other");
  await stranger.getByLabel("Name").fill(other.name);
  await stranger.getByLabel("Email").fill(other.email);
  await stranger.getByLabel("Password").fill(other.password);
  await stranger.getByRole("button", { name: "Create account" }).click();
  await expect(stranger).toHaveURL(/\/sign-in\?signedUp=1&callbackUrl=%2Finvite%2F/);
  await signIn(stranger, other);
  await expect(stranger.getByRole("alert").filter({ hasText: "You are signed in as" })).toContainText(`sign in as ${intended.email}`);
  await expect(stranger.getByRole("button", { name: `Join ${team.name}` })).toHaveCount(0);
  expect((await stranger.goto(`/w/${team.slug}/create`))?.status()).toBe(404);
});

test("workspace settings: rename, slug rules, and delete with a typed confirmation", async ({ page }) => {
  await signUp(page, newAccount("owner"));
  const personalUrl = page.url();
  const team = await createTeam(page);

  await page.getByRole("link", { name: "Settings" }).click();
  await page.getByLabel("Workspace name").fill(`${team.name} renamed`);
  await page.getByRole("button", { name: "Rename" }).click();
  await expect(page.getByTestId("workspace-name")).toHaveText(`${team.name} renamed`);

  // A taken slug and a reserved one are refused on the field.
  await page.goto("/w/new");
  await page.getByLabel("Name").fill("Another");
  await page.getByLabel("Address").fill(team.slug);
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page.getByText("That address is already taken; pick another.")).toBeVisible();
  await page.getByLabel("Address").fill("settings");
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page.getByText("That address is reserved; pick another.")).toBeVisible();

  await page.goto(`/w/${team.slug}/settings`);
  const remove = page.getByRole("button", { name: "Delete this workspace" });
  await expect(remove).toBeDisabled();
  await page.getByLabel(`Type ${team.slug} to confirm`).fill(team.slug);
  await remove.click();
  await expect(page).toHaveURL(personalUrl);
  expect((await page.goto(`/w/${team.slug}/create`))?.status()).toBe(404);

  // The personal studio offers no delete.
  await page.goto(personalUrl.replace(/\/create$/, "/settings"));
  await expect(page.getByText("Your personal studio cannot be deleted.")).toBeVisible();
});

test("ownership transfer: the owner picks a member, confirms, and is an admin afterwards; the new owner can transfer it on", async ({ page, browser }) => {
  await signUp(page, newAccount("owner"));
  const team = await createTeam(page);
  const successor = newAccount("successor");
  const theirs = await joinBySigningUp(browser, await createInvite(page, "EDITOR"), successor, team);

  await page.goto(`/w/${team.slug}/settings`);
  const transfer = page.getByRole("button", { name: "Transfer…" });
  await expect(transfer).toBeDisabled();
  await page.getByLabel("New owner").selectOption({ index: 1 });
  await transfer.click();
  // A second, explicit step: choosing someone else again takes the confirmation back.
  await page.getByLabel("New owner").selectOption({ index: 0 });
  await expect(page.getByRole("button", { name: "Yes, transfer ownership" })).toBeHidden();
  await page.getByLabel("New owner").selectOption({ index: 1 });
  await page.getByRole("button", { name: "Transfer…" }).click();
  await page.getByRole("button", { name: "Yes, transfer ownership" }).click();
  // The page is rendered again for the former owner's new role.
  await expect(page.getByText(`Your role in ${team.name} is Admin.`, { exact: false })).toBeVisible();
  await expect(page.getByLabel("New owner")).toHaveCount(0);
  await theirs.goto(`/w/${team.slug}/settings`);
  await expect(theirs.getByLabel("New owner")).toBeVisible();
});
