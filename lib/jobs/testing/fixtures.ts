import { randomUUID } from "node:crypto";

import { db } from "@/lib/db";
import type { GenerationStatus } from "@/lib/generated/prisma/client";
import { describeImage } from "@/lib/images";
import { solid } from "@/lib/images/testing/fixtures";
import { contentKey, type Storage } from "@/lib/storage";

/** A user with a personal workspace they own, written straight to the database. */
export async function createOwner() {
  const tag = randomUUID();
  const user = await db.user.create({ data: { email: `jobs-${tag}@example.test`, name: "Jobs Test" } });
  const workspace = await db.workspace.create({
    data: { slug: `jobs-${tag}`, name: "Jobs test studio", personal: true, memberships: { create: { userId: user.id, role: "OWNER" } } },
  });
  return { userId: user.id, workspaceId: workspace.id };
}

/** A stored reference image of one colour, and its Asset row. */
export async function createReference(owner: { userId: string; workspaceId: string }, storage: Storage, colour: string) {
  const bytes = await solid(64, 48, colour).png().toBuffer();
  const image = await describeImage(bytes);
  const storageKey = contentKey("refs", image.sha256, image.mime);
  await storage.put(storageKey, bytes, { contentType: image.mime });
  const asset = await db.asset.create({
    data: { ...owner, kind: "REFERENCE", storageKey, mime: image.mime, width: image.width, height: image.height, bytes: image.bytes, sha256: image.sha256 },
  });
  return { asset, bytes };
}

export async function createGeneration(
  owner: { userId: string; workspaceId: string },
  fields: { prompt?: string; n?: number; size?: string; status?: GenerationStatus; referenceIds?: string[]; heartbeatAt?: Date; createdAt?: Date } = {},
) {
  return db.generation.create({
    data: {
      ...owner,
      prompt: fields.prompt ?? "a lighthouse at dusk",
      size: fields.size ?? "1024x1024",
      n: fields.n ?? 1,
      model: "gpt-image-2-all",
      status: fields.status ?? "QUEUED",
      idempotencyKey: randomUUID(),
      heartbeatAt: fields.heartbeatAt,
      createdAt: fields.createdAt,
      references: { create: (fields.referenceIds ?? []).map((assetId, position) => ({ assetId, position })) },
      // As Create stores it: one slot per requested image, waiting.
      slots: { create: Array.from({ length: fields.n ?? 1 }, (_, index) => ({ index })) },
    },
  });
}
