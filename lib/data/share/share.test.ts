import { createHash, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth";
import { makeGeneration, makeTeam } from "@/lib/authz/fixtures";
import { getSharedContent, recordShareView } from "@/lib/data/share/content";
import type { Outcome } from "@/lib/data/outcome";
import { createShareLink as createShareLinkOutcome, listShareLinks, revokeShareLink } from "@/lib/data/share/links";
import { remixSharedGeneration as remixOutcome } from "@/lib/data/share/remix";
import { getSharedAssetFile, resolveShareLink, unlockShareLink, type LiveShareLink } from "@/lib/data/share/shared-access";
import { newShareToken, verifyUnlockProof } from "@/lib/data/share/tokens";
import { getWorkspaceAccess, type WorkspaceAccess } from "@/lib/data/workspaces";
import { db } from "@/lib/db";
import type { AssetKind, Role } from "@/lib/generated/prisma/enums";
import { getStorage } from "@/lib/storage";
import { createShareLinkSchema, type CreateShareLinkInput } from "@/lib/validations/share";

afterAll(async () => {
  await db.$disconnect();
});

function value<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw new Error(`refused: ${outcome.problem?.code}`);
  return outcome.value;
}

/** A link that must be made. */
const createShareLink = async (...args: Parameters<typeof createShareLinkOutcome>) => value(await createShareLinkOutcome(...args));
/** A remix that must start. */
const remixSharedGeneration = async (...args: Parameters<typeof remixOutcome>) => value(await remixOutcome(...args));
const REVOKED = { ok: true };
const NOT_REVOKED = { ok: false, problem: { code: "gallery.noLinkToRevoke" } };

async function createUser(name: string): Promise<Viewer & { slug: string }> {
  const tag = randomUUID();
  const user = await db.user.create({ data: { name, email: `share-${tag}@example.test` }, select: { id: true, name: true, email: true, image: true } });
  const workspace = await db.workspace.create({
    data: { slug: `share-${tag}`, name: `${name}'s studio`, personal: true, memberships: { create: { userId: user.id, role: "OWNER" } } },
  });
  return { ...user, slug: workspace.slug };
}

async function access(viewer: Viewer, slug: string): Promise<WorkspaceAccess> {
  const found = await getWorkspaceAccess(viewer, slug);
  if (!found) throw new Error(`no access to ${slug}`);
  return found;
}

async function addMember(workspaceSlug: string, user: Viewer, role: Role) {
  const workspace = await db.workspace.findUniqueOrThrow({ where: { slug: workspaceSlug } });
  await db.membership.create({ data: { workspaceId: workspace.id, userId: user.id, role } });
}

async function storedAsset(workspaceId: string, userId: string, kind: AssetKind, label: string) {
  const bytes = Buffer.from(`${kind} ${label} ${randomUUID()}`);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const storageKey = `test/${sha256}.png`;
  await getStorage().put(storageKey, bytes, { contentType: "image/png" });
  return db.asset.create({
    data: { workspaceId, userId, kind, storageKey, mime: "image/png", width: 64, height: 48, bytes: bytes.length, sha256 },
  });
}

/** A SUCCEEDED generation with one reference and `n` results (each with a thumbnail). */
async function generation(maker: Viewer, slug: string, opts: { n?: number; prompt?: string; status?: "SUCCEEDED" | "QUEUED" } = {}) {
  const workspace = await db.workspace.findUniqueOrThrow({ where: { slug } });
  const reference = await storedAsset(workspace.id, maker.id, "REFERENCE", "ref");
  const row = await db.generation.create({
    data: {
      workspaceId: workspace.id,
      userId: maker.id,
      prompt: opts.prompt ?? `a lighthouse at dusk ${randomUUID()}`,
      size: "1536x1024",
      n: opts.n ?? 1,
      model: "gpt-image-2-all",
      status: opts.status ?? "SUCCEEDED",
      idempotencyKey: randomUUID(),
      references: { create: [{ assetId: reference.id, position: 0, label: "harbour" }] },
    },
  });
  const images = [];
  for (let index = 0; index < (opts.status === "QUEUED" ? 0 : (opts.n ?? 1)); index++) {
    const result = await storedAsset(workspace.id, maker.id, "RESULT", `result ${index}`);
    const thumb = await storedAsset(workspace.id, maker.id, "THUMB", `thumb ${index}`);
    images.push(
      await db.generationImage.create({
        data: { generationId: row.id, index, assetId: result.id, thumbAssetId: thumb.id, shape: "LANDSCAPE" },
      }),
    );
  }
  return { ...row, reference, images };
}

const shareGeneration = (slug: string, generationId: string, extra: Partial<Record<string, unknown>> = {}): CreateShareLinkInput =>
  createShareLinkSchema.parse({ workspace: slug, target: "GENERATION", generationId, ...extra });

const tokenOf = (url: string) => new URL(url).pathname.split("/").pop()!;

async function liveLink(url: string): Promise<LiveShareLink> {
  const access = await resolveShareLink(tokenOf(url), undefined);
  if (access.status === "not-found") throw new Error("link not live");
  return access.link;
}

let owner: Viewer & { slug: string };
let editor: Viewer & { slug: string };
let otherEditor: Viewer & { slug: string };
let viewerRole: Viewer & { slug: string };
let outsider: Viewer & { slug: string };

beforeAll(async () => {
  owner = await createUser("Olive Owner");
  editor = await createUser("Eddie Editor");
  otherEditor = await createUser("Erin Editor");
  viewerRole = await createUser("Vera Viewer");
  outsider = await createUser("Oscar Outsider");
  await addMember(owner.slug, editor, "EDITOR");
  await addMember(owner.slug, otherEditor, "EDITOR");
  await addMember(owner.slug, viewerRole, "VIEWER");
});

describe("share tokens", () => {
  it("are 32 base64url characters carrying 192 random bits, never repeating", () => {
    const tokens = Array.from({ length: 2000 }, newShareToken);
    for (const t of tokens) {
      expect(t).toMatch(/^[A-Za-z0-9_-]{32}$/);
      expect(Buffer.from(t, "base64url")).toHaveLength(24);
    }
    expect(new Set(tokens).size).toBe(tokens.length);
    // Every base64url symbol turns up across 64 000 random characters; a weak generator would skew.
    const counts = new Map<string, number>();
    for (const c of tokens.join("")) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect(counts.size).toBe(64);
    for (const n of counts.values()) expect(n).toBeGreaterThan(700);
  });
});

describe("share links (real PostgreSQL)", () => {
  it("a link to one generation serves its results, thumbnails and nothing else of the workspace", async () => {
    const shared = await generation(editor, owner.slug, { n: 2 });
    const sibling = await generation(editor, owner.slug);
    const created = await createShareLink(editor, await access(editor, owner.slug), shareGeneration(owner.slug, shared.id));
    const token = tokenOf(created.url);
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);

    for (const img of shared.images) {
      expect((await getSharedAssetFile(token, img.assetId, undefined)).status).toBe("ok");
      expect((await getSharedAssetFile(token, img.thumbAssetId, undefined)).status).toBe("ok");
    }
    // Another generation's result in the same workspace, and the hidden reference.
    expect((await getSharedAssetFile(token, sibling.images[0]!.assetId, undefined)).status).toBe("not-found");
    expect((await getSharedAssetFile(token, sibling.images[0]!.thumbAssetId, undefined)).status).toBe("not-found");
    expect((await getSharedAssetFile(token, shared.reference.id, undefined)).status).toBe("not-found");

    const content = await getSharedContent(await liveLink(created.url));
    expect(content.generations).toHaveLength(1);
    expect(content.generations[0]).toMatchObject({ prompt: shared.prompt, creatorName: "Eddie Editor", references: [] });
    expect(content.generations[0]!.images.map((i) => i.url)).toEqual(
      shared.images.map((i) => `/api/s/${token}/files/${i.assetId}`),
    );
    // Nothing about the workspace or people beyond a display name leaves the data layer.
    const serialised = JSON.stringify(content);
    expect(serialised).not.toContain(shared.workspaceId);
    expect(serialised).not.toContain(editor.email);
    expect(serialised).not.toContain(editor.id);
  });

  it("serves the references only when the sharer chose to show them", async () => {
    const shared = await generation(editor, owner.slug);
    const hidden = await createShareLink(editor, await access(editor, owner.slug), shareGeneration(owner.slug, shared.id));
    const shown = await createShareLink(
      editor,
      await access(editor, owner.slug),
      shareGeneration(owner.slug, shared.id, { showReferences: "on" }),
    );
    expect((await getSharedAssetFile(tokenOf(hidden.url), shared.reference.id, undefined)).status).toBe("not-found");
    expect((await getSharedAssetFile(tokenOf(shown.url), shared.reference.id, undefined)).status).toBe("ok");
    const content = await getSharedContent(await liveLink(shown.url));
    expect(content.generations[0]!.references).toEqual([
      { url: `/api/s/${tokenOf(shown.url)}/files/${shared.reference.id}`, label: "harbour", position: 0 },
    ]);
  });

  it("a revoked or expired link, and every file behind it, is not found", async () => {
    const shared = await generation(editor, owner.slug);
    const workspace = await access(editor, owner.slug);
    const created = await createShareLink(editor, workspace, shareGeneration(owner.slug, shared.id));
    const token = tokenOf(created.url);
    expect(await revokeShareLink(editor, workspace, created.id)).toEqual(REVOKED);
    expect(await revokeShareLink(editor, workspace, created.id)).toMatchObject(NOT_REVOKED);
    expect((await resolveShareLink(token, undefined)).status).toBe("not-found");
    expect((await getSharedAssetFile(token, shared.images[0]!.assetId, undefined)).status).toBe("not-found");

    const expiring = await createShareLink(editor, workspace, shareGeneration(owner.slug, shared.id, { expiresIn: "1" }));
    expect((await resolveShareLink(tokenOf(expiring.url), undefined)).status).toBe("open");
    await db.shareLink.update({ where: { id: expiring.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await resolveShareLink(tokenOf(expiring.url), undefined)).status).toBe("not-found");
    expect((await getSharedAssetFile(tokenOf(expiring.url), shared.images[0]!.assetId, undefined)).status).toBe("not-found");
    expect(await unlockShareLink(tokenOf(expiring.url), "anything")).toMatchObject({ ok: false, problem: { code: "gallery.linkGone" } });
  });

  it("unknown and malformed tokens are not found", async () => {
    expect((await resolveShareLink(newShareToken(), undefined)).status).toBe("not-found");
    expect((await resolveShareLink("short", undefined)).status).toBe("not-found");
    expect((await resolveShareLink("' OR 1=1 --xxxxxxxxxxxxxxxxxxxxx", undefined)).status).toBe("not-found");
  });

  it("a password-protected link is locked until the right password earns a proof", async () => {
    const shared = await generation(editor, owner.slug);
    const workspace = await access(editor, owner.slug);
    const created = await createShareLink(editor, workspace, shareGeneration(owner.slug, shared.id, { password: "open sesame 42" }));
    const token = tokenOf(created.url);
    const stored = await db.shareLink.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);

    expect((await resolveShareLink(token, undefined)).status).toBe("locked");
    expect((await getSharedAssetFile(token, shared.images[0]!.assetId, undefined)).status).toBe("locked");
    expect(await unlockShareLink(token, "open sesame 43")).toMatchObject({
      ok: false,
      problem: { code: "gallery.linkWrongPassword" },
      field: "password",
    });

    const unlocked = value(await unlockShareLink(token, "open sesame 42"));
    if (!unlocked) throw new Error("expected a proof");
    const proof = unlocked.value;
    expect((await resolveShareLink(token, proof)).status).toBe("open");
    expect((await getSharedAssetFile(token, shared.images[0]!.assetId, proof)).status).toBe("ok");

    // Tampered, expired, or earned on another link: still locked.
    const [expires, mac] = proof.split(".");
    expect((await resolveShareLink(token, `${Number(expires) + 1}.${mac}`)).status).toBe("locked");
    const flipped = mac!.endsWith("A") ? "B" : "A";
    expect((await resolveShareLink(token, `${expires}.${mac!.slice(0, -1)}${flipped}`)).status).toBe("locked");
    expect(verifyUnlockProof(stored, proof, Number(expires) + 1)).toBe(false);
    const other = await createShareLink(editor, workspace, shareGeneration(owner.slug, shared.id, { password: "open sesame 42" }));
    expect((await resolveShareLink(tokenOf(other.url), proof)).status).toBe("locked");
  });

  it("nobody can share someone else's generation by guessing its id, and a viewer cannot share at all", async () => {
    const mine = await generation(editor, owner.slug);
    const refusal = async (code: string, p: ReturnType<typeof createShareLinkOutcome>) =>
      expect(await p).toMatchObject({ ok: false, problem: { code } });

    // Another workspace: the id is simply not there.
    await refusal("gallery.shareGenerationGone", createShareLinkOutcome(outsider, await access(outsider, outsider.slug), shareGeneration(outsider.slug, mine.id)));
    // The same workspace, another editor's generation.
    await refusal("gallery.shareOwnOnly", createShareLinkOutcome(otherEditor, await access(otherEditor, owner.slug), shareGeneration(owner.slug, mine.id)));
    // A viewer, even of the whole gallery.
    const asViewer = await access(viewerRole, owner.slug);
    await refusal("gallery.shareForbidden", createShareLinkOutcome(viewerRole, asViewer, shareGeneration(owner.slug, mine.id)));
    await refusal(
      "gallery.shareForbidden",
      createShareLinkOutcome(viewerRole, asViewer, createShareLinkSchema.parse({ workspace: owner.slug, target: "WORKSPACE" })),
    );
    // Unfinished work.
    const pending = await generation(editor, owner.slug, { status: "QUEUED" });
    await refusal("gallery.shareUnfinished", createShareLinkOutcome(editor, await access(editor, owner.slug), shareGeneration(owner.slug, pending.id)));

    // The owner may share anyone's.
    await expect(createShareLink(owner, await access(owner, owner.slug), shareGeneration(owner.slug, mine.id))).resolves.toMatchObject({
      hasPassword: false,
    });
    expect(await db.shareLink.count({ where: { generationId: mine.id } })).toBe(1);
  });

  it("nobody can revoke someone else's link by guessing its id; owners and admins can revoke any", async () => {
    const mine = await generation(editor, owner.slug);
    const created = await createShareLink(editor, await access(editor, owner.slug), shareGeneration(owner.slug, mine.id));
    expect(await revokeShareLink(outsider, await access(outsider, outsider.slug), created.id)).toMatchObject(NOT_REVOKED);
    expect(await revokeShareLink(otherEditor, await access(otherEditor, owner.slug), created.id)).toMatchObject(NOT_REVOKED);
    expect(await revokeShareLink(viewerRole, await access(viewerRole, owner.slug), created.id)).toMatchObject(NOT_REVOKED);
    expect((await resolveShareLink(tokenOf(created.url), undefined)).status).toBe("open");

    // A link the owner made to the editor's generation is the editor's to pull back as well.
    const byOwner = await createShareLink(owner, await access(owner, owner.slug), shareGeneration(owner.slug, mine.id));
    expect(await revokeShareLink(editor, await access(editor, owner.slug), byOwner.id)).toEqual(REVOKED);
    expect(await revokeShareLink(owner, await access(owner, owner.slug), created.id)).toEqual(REVOKED);
  });

  it("lists every link for owners, only their own for editors, none for viewers", async () => {
    const eddies = await generation(editor, owner.slug);
    const erins = await generation(otherEditor, owner.slug);
    const a = await createShareLink(editor, await access(editor, owner.slug), shareGeneration(owner.slug, eddies.id, { password: "a long password" }));
    const b = await createShareLink(otherEditor, await access(otherEditor, owner.slug), shareGeneration(owner.slug, erins.id));
    const ids = async (who: Viewer) => (await listShareLinks(who, await access(who, owner.slug))).map((l) => l.id);
    expect(await ids(owner)).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(await ids(editor)).toContain(a.id);
    expect(await ids(editor)).not.toContain(b.id);
    expect(await ids(viewerRole)).toEqual([]);
    const row = (await listShareLinks(editor, await access(editor, owner.slug))).find((l) => l.id === a.id)!;
    expect(row).toMatchObject({ status: "active", hasPassword: true, viewCount: 0, subject: eddies.prompt, url: a.url });
    expect(JSON.stringify(row)).not.toContain("argon2");
  });

  it("counts every view, even simultaneous ones", async () => {
    const shared = await generation(editor, owner.slug);
    const created = await createShareLink(editor, await access(editor, owner.slug), shareGeneration(owner.slug, shared.id));
    await Promise.all(Array.from({ length: 20 }, () => recordShareView({ id: created.id })));
    const row = await db.shareLink.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.viewCount).toBe(20);
    expect(row.lastViewedAt).not.toBeNull();
  });

  it("the whole gallery needs an admin or owner and shows only that workspace's finished work", async () => {
    const editorAccess = await access(editor, owner.slug);
    expect(
      await createShareLinkOutcome(editor, editorAccess, createShareLinkSchema.parse({ workspace: owner.slug, target: "WORKSPACE" })),
    ).toMatchObject({ ok: false, problem: { code: "gallery.shareGalleryForbidden" } });
    const inside = await generation(otherEditor, owner.slug);
    const elsewhere = await generation(outsider, outsider.slug);
    const orphanReference = await storedAsset(inside.workspaceId, editor.id, "REFERENCE", "never used");
    const created = await createShareLink(
      owner,
      await access(owner, owner.slug),
      createShareLinkSchema.parse({ workspace: owner.slug, target: "WORKSPACE", showReferences: "on" }),
    );
    const token = tokenOf(created.url);
    expect((await getSharedAssetFile(token, inside.images[0]!.assetId, undefined)).status).toBe("ok");
    expect((await getSharedAssetFile(token, inside.reference.id, undefined)).status).toBe("ok");
    expect((await getSharedAssetFile(token, elsewhere.images[0]!.assetId, undefined)).status).toBe("not-found");
    expect((await getSharedAssetFile(token, orphanReference.id, undefined)).status).toBe("not-found");
    const content = await getSharedContent(await liveLink(created.url));
    expect(content.title).toBe("Olive Owner's studio");
    expect(content.generations.map((g) => g.id)).toContain(inside.id);
    expect(content.generations.map((g) => g.id)).not.toContain(elsewhere.id);
  });

  it("a collection link shares only the images in that collection", async () => {
    const source = await generation(editor, owner.slug, { n: 2 });
    const collection = await db.collection.create({
      data: {
        workspaceId: source.workspaceId,
        createdById: owner.id,
        name: "Harbours",
        items: { create: [{ generationImageId: source.images[0]!.id }] },
      },
    });
    const asViewer = await access(viewerRole, owner.slug);
    const input = createShareLinkSchema.parse({ workspace: owner.slug, target: "COLLECTION", collectionId: collection.id });
    expect(await createShareLinkOutcome(viewerRole, asViewer, input)).toMatchObject({ ok: false, problem: { code: "gallery.shareForbidden" } });
    expect(
      await createShareLinkOutcome(outsider, await access(outsider, outsider.slug), { ...input, workspace: outsider.slug }),
    ).toMatchObject({ ok: false, problem: { code: "gallery.shareCollectionGone" } });

    const created = await createShareLink(editor, await access(editor, owner.slug), input);
    const token = tokenOf(created.url);
    expect((await getSharedAssetFile(token, source.images[0]!.assetId, undefined)).status).toBe("ok");
    expect((await getSharedAssetFile(token, source.images[1]!.assetId, undefined)).status).toBe("not-found");
    const content = await getSharedContent(await liveLink(created.url));
    expect(content).toMatchObject({ title: "Harbours", target: "COLLECTION" });
    expect(content.generations[0]!.images).toHaveLength(1);
  });

  it("a remix copies the prompt, and the references only when shown, into the visitor's personal studio", async () => {
    const shared = await generation(editor, owner.slug, { n: 2 });
    const workspace = await access(editor, owner.slug);
    const withRefs = await createShareLink(editor, workspace, shareGeneration(owner.slug, shared.id, { showReferences: "on" }));
    const withoutRefs = await createShareLink(editor, workspace, shareGeneration(owner.slug, shared.id));

    const draft = await remixSharedGeneration(outsider, await liveLink(withRefs.url), undefined);
    expect(draft).toMatchObject({ workspaceSlug: outsider.slug, prompt: shared.prompt, size: "1536x1024", n: 2 });
    expect(draft.referenceIds).toHaveLength(1);
    const copy = await db.asset.findUniqueOrThrow({ where: { id: draft.referenceIds[0]! }, include: { workspace: true } });
    expect(copy).toMatchObject({ kind: "REFERENCE", userId: outsider.id, storageKey: shared.reference.storageKey });
    expect(copy.workspace.slug).toBe(outsider.slug);
    expect(copy.id).not.toBe(shared.reference.id);

    const bare = await remixSharedGeneration(outsider, await liveLink(withoutRefs.url), undefined);
    expect(bare.referenceIds).toEqual([]);

    // A gallery link remixes only generations inside it.
    const gallery = await createShareLink(
      owner,
      await access(owner, owner.slug),
      createShareLinkSchema.parse({ workspace: owner.slug, target: "WORKSPACE" }),
    );
    const elsewhere = await generation(outsider, outsider.slug);
    expect(await remixOutcome(outsider, await liveLink(gallery.url), elsewhere.id)).toMatchObject({
      ok: false,
      problem: { code: "gallery.remixNotInLink" },
    });
    expect(await remixSharedGeneration(outsider, await liveLink(gallery.url), shared.id)).toMatchObject({ prompt: shared.prompt });
  });
});

describe("a share link lasts only as long as its maker could make it (real PostgreSQL)", () => {
  const setRole = (userId: string, workspaceId: string, role: Role) =>
    db.membership.update({ where: { userId_workspaceId: { userId, workspaceId } }, data: { role } });

  it("an editor's link to their own work stops when they are demoted or removed, and the page says not found", async () => {
    const team = await makeTeam();
    const editor = team.members.EDITOR;
    const generation = await makeGeneration(team.workspace.id, editor.id);
    const link = await createShareLink(editor, team.as("EDITOR"), createShareLinkSchema.parse({ workspace: team.workspace.slug, target: "GENERATION", generationId: generation.id }));
    const token = new URL(link.url).pathname.split("/").at(-1)!;
    expect((await resolveShareLink(token, null)).status).toBe("open");

    await setRole(editor.id, team.workspace.id, "VIEWER");
    expect((await resolveShareLink(token, null)).status).toBe("not-found");
    expect((await getSharedAssetFile(token, generation.images[0]!.assetId, null)).status).toBe("not-found");

    await setRole(editor.id, team.workspace.id, "EDITOR");
    expect((await resolveShareLink(token, null)).status).toBe("open");

    await db.membership.delete({ where: { userId_workspaceId: { userId: editor.id, workspaceId: team.workspace.id } } });
    expect((await resolveShareLink(token, null)).status).toBe("not-found");
  });

  it("an admin's whole-gallery link stops when they are demoted to editor (who may share only their own work)", async () => {
    const team = await makeTeam();
    const admin = team.members.ADMIN;
    const link = await createShareLink(admin, team.as("ADMIN"), createShareLinkSchema.parse({ workspace: team.workspace.slug, target: "WORKSPACE" }));
    const token = new URL(link.url).pathname.split("/").at(-1)!;
    expect((await resolveShareLink(token, null)).status).toBe("open");
    await setRole(admin.id, team.workspace.id, "EDITOR");
    expect((await resolveShareLink(token, null)).status).toBe("not-found");
  });
});
