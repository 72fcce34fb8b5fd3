import "server-only";
import type { Viewer } from "@/lib/auth";
import { fileUrl, imageSelect, toImageDTO, type GenerationDTO } from "@/lib/data/dto";
import { QuotaExceededError, takeQuota } from "@/lib/data/quota";
import type { WorkspaceAccess } from "@/lib/data/workspaces";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { can } from "@/lib/permissions";
import type { CreateGenerationInput } from "@/lib/validations/generation";

const generationSelect = {
  id: true,
  userId: true,
  status: true,
  prompt: true,
  size: true,
  n: true,
  model: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
  errorCode: true,
  errorMessage: true,
  parentId: true,
  references: {
    orderBy: { position: "asc" },
    select: { position: true, label: true, assetId: true },
  },
  images: {
    orderBy: { index: "asc" },
    select: imageSelect,
  },
} satisfies Prisma.GenerationSelect;

type GenerationRow = Prisma.GenerationGetPayload<{ select: typeof generationSelect }>;

function toDTO(row: GenerationRow, viewer: Viewer, workspace: WorkspaceAccess): GenerationDTO {
  const own = row.userId === viewer.id;
  return {
    id: row.id,
    status: row.status,
    prompt: row.prompt,
    size: row.size,
    n: row.n,
    model: row.model,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    error: row.status === "FAILED" ? { code: row.errorCode ?? "unknown", message: row.errorMessage ?? "It failed." } : null,
    references: row.references.map((r) => ({
      assetId: r.assetId,
      url: fileUrl(r.assetId),
      label: r.label,
      position: r.position,
    })),
    images: row.images.map((img) => toImageDTO(img)),
    parentId: row.parentId,
    canRetry: row.status === "FAILED" && own && can(workspace.role, "generation.retry.own"),
  };
}

export class ReferenceNotFoundError extends Error {
  constructor() {
    super("One of the reference images is no longer available. Remove it and add it again.");
  }
}

/**
 * Stores a QUEUED generation with its references, in the order given. A repeated idempotency key
 * (a double submit) returns the generation the first request made, when it is the same person's.
 */
export async function createGeneration(
  viewer: Viewer,
  workspace: WorkspaceAccess,
  input: CreateGenerationInput & { model: string; apiKeyId?: string },
): Promise<{ id: string; created: boolean }> {
  const assetIds = input.references.map((r) => r.assetId);
  const owned = await db.asset.count({
    where: { id: { in: assetIds }, workspaceId: workspace.id, kind: "REFERENCE" },
  });
  if (owned !== assetIds.length) throw new ReferenceNotFoundError();
  if (input.parentId) {
    const parent = await db.generation.count({ where: { id: input.parentId, workspaceId: workspace.id } });
    if (!parent) input = { ...input, parentId: undefined };
  }
  try {
    // One transaction with the quota: a refused quota stores nothing, a failed insert spends nothing.
    const row = await db.$transaction(async (tx) => {
      await takeQuota(tx, { workspaceId: workspace.id, userId: viewer.id, images: input.n });
      return tx.generation.create({
        data: {
          workspaceId: workspace.id,
          userId: viewer.id,
          prompt: input.prompt,
          size: input.size,
          n: input.n,
          model: input.model,
          idempotencyKey: input.idempotencyKey,
          parentId: input.parentId,
          apiKeyId: input.apiKeyId,
          references: {
            create: input.references.map((r, position) => ({ assetId: r.assetId, position, label: r.label || null })),
          },
        },
        select: { id: true },
      });
    });
    return { id: row.id, created: true };
  } catch (e) {
    // A repeat of a request that took the last slot finds the quota spent: answer with its generation.
    const repeated = e instanceof QuotaExceededError || (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002");
    if (repeated) {
      const existing = await db.generation.findFirst({
        where: { idempotencyKey: input.idempotencyKey, userId: viewer.id, workspaceId: workspace.id },
        select: { id: true },
      });
      if (existing) return { id: existing.id, created: false };
    }
    throw e;
  }
}

/** The viewer's own most recent generations in this workspace (the Create page's list). */
export async function listRecentGenerations(viewer: Viewer, workspace: WorkspaceAccess, limit = 24) {
  const rows = await db.generation.findMany({
    where: { workspaceId: workspace.id, userId: viewer.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: generationSelect,
  });
  return rows.map((r) => toDTO(r, viewer, workspace));
}

export async function getGeneration(viewer: Viewer, workspace: WorkspaceAccess, id: string) {
  const row = await db.generation.findFirst({ where: { id, workspaceId: workspace.id }, select: generationSelect });
  return row ? toDTO(row, viewer, workspace) : null;
}

/**
 * Puts the viewer's own FAILED generation back in the queue with the same inputs. Conditional, so
 * two clicks queue it once. Returns false when there is nothing of theirs to retry.
 */
export async function requeueFailedGeneration(viewer: Viewer, workspace: WorkspaceAccess, id: string) {
  const { count } = await db.generation.updateMany({
    where: { id, workspaceId: workspace.id, userId: viewer.id, status: "FAILED" },
    data: {
      status: "QUEUED",
      errorCode: null,
      errorMessage: null,
      startedAt: null,
      finishedAt: null,
      heartbeatAt: null,
    },
  });
  return count === 1;
}
