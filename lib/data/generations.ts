import "server-only";
import type { Viewer } from "@/lib/auth";
import { fileUrl, imageSelect, toFailureDTO, toImageDTO, type GenerationDTO } from "@/lib/data/dto";
import { done, refused, type Outcome } from "@/lib/data/outcome";
import type { Tx } from "@/lib/data/members";
import { QuotaExceededError, takeQuota } from "@/lib/data/quota";
import type { WorkspaceAccess } from "@/lib/data/workspaces";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { CANCELLED_QUEUED, CANCELLED_QUEUED_MESSAGE } from "@/lib/jobs/call-outcome";
import { relayBackoffUntil } from "@/lib/jobs/relay-state";
import { isSlotSettled, settledStatus } from "@/lib/jobs/slots";
import { can } from "@/lib/permissions";
import type { CreateGenerationInput } from "@/lib/validations/generation";

const generationSelect = {
  id: true,
  userId: true,
  status: true,
  prompt: true,
  sentPrompt: true,
  size: true,
  cancelledAt: true,
  n: true,
  model: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
  errorCode: true,
  errorMessage: true,
  errorDetail: true,
  parentId: true,
  references: {
    orderBy: { position: "asc" },
    select: { position: true, label: true, assetId: true },
  },
  images: {
    orderBy: { index: "asc" },
    select: imageSelect,
  },
  slots: {
    orderBy: { index: "asc" },
    select: { index: true, status: true, errorCode: true, errorMessage: true, errorDetail: true },
  },
  // The raw answers behind failed slots, for admins' "Copy error details" (the newest few).
  calls: {
    where: { finishedAt: { not: null }, outcome: { not: "ok" } },
    orderBy: { startedAt: "desc" },
    take: 8,
    select: { slotIndex: true, attempt: true, outcome: true, httpStatus: true, rawExcerpt: true, finishedAt: true },
  },
} satisfies Prisma.GenerationSelect;

type GenerationRow = Prisma.GenerationGetPayload<{ select: typeof generationSelect }>;

function toDTO(row: GenerationRow, viewer: Pick<Viewer, "id">, workspace: WorkspaceAccess): GenerationDTO {
  const own = row.userId === viewer.id;
  const settled = row.status === "SUCCEEDED" || row.status === "FAILED";
  const mayRetry = own && can(workspace.role, "generation.retry.own");
  const seesDetails = can(workspace.role, "generation.error.details");
  const images = row.images.map((img) => toImageDTO(img));
  return {
    id: row.id,
    status: row.status,
    prompt: row.prompt,
    sentPrompt: row.sentPrompt && row.sentPrompt !== row.prompt ? row.sentPrompt : null,
    size: row.size,
    n: row.n,
    model: row.model,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    error: row.status === "FAILED" ? toFailureDTO(row, "It failed.") : null,
    references: row.references.map((r) => ({
      assetId: r.assetId,
      url: fileUrl(r.assetId),
      label: r.label,
      position: r.position,
    })),
    images,
    slots: row.slots.map((slot) => {
      const failed = slot.status === "FAILED" || slot.status === "CANCELLED";
      const call = failed ? row.calls.find((c) => c.slotIndex === slot.index || c.slotIndex === null) : undefined;
      return {
        index: slot.index,
        status: slot.status,
        error: failed && slot.errorCode ? toFailureDTO(slot, "This image could not be made.") : null,
        imageId: images.find((img) => img.index === slot.index)?.id ?? null,
        canRetry: failed && settled && mayRetry,
        errorDetails: seesDetails && call ? errorDetails(call) : null,
      };
    }),
    parentId: row.parentId,
    canRetry: row.status === "FAILED" && mayRetry,
    canCancel: !settled && own && can(workspace.role, "generation.cancel.own") && !row.cancelledAt,
    cancelled: row.cancelledAt !== null,
  };
}

/** What "Copy error details" puts on the clipboard: the call's class, status and the redacted answer. */
function errorDetails(call: GenerationRow["calls"][number]): string {
  const head = [
    `outcome: ${call.outcome ?? "unknown"}`,
    `http status: ${call.httpStatus ?? "none"}`,
    `attempt: ${call.attempt}`,
    `at: ${call.finishedAt?.toISOString() ?? "unknown"}`,
  ];
  return `${head.join("\n")}\n\n${call.rawExcerpt ?? "(no answer body)"}`;
}

/**
 * Stores a QUEUED generation with its references, in the order given. A repeated idempotency key
 * (a double submit) returns the generation the first request made, when it is the same person's.
 * Refused (nothing stored, nothing spent) when a reference is not this workspace's
 * (studio.referenceGone, on `references`) or the quota or the member's cap has no room
 * (studio.quotaWorkspace / quotaMember with limit, used, requested, scope; workspaceSuspended).
 */
export async function createGeneration(
  viewer: Viewer,
  workspace: WorkspaceAccess,
  input: Omit<CreateGenerationInput, "shapeHint"> & { model: string; sentPrompt?: string; apiKeyId?: string },
): Promise<Outcome<{ id: string; created: boolean }>> {
  const assetIds = input.references.map((r) => r.assetId);
  const owned = await db.asset.count({
    where: { id: { in: assetIds }, workspaceId: workspace.id, kind: "REFERENCE" },
  });
  if (owned !== assetIds.length) return refused("studio.referenceGone", undefined, "references");
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
          sentPrompt: input.sentPrompt ?? input.prompt,
          shapeHint: input.sentPrompt !== undefined && input.sentPrompt !== input.prompt,
          idempotencyKey: input.idempotencyKey,
          parentId: input.parentId,
          apiKeyId: input.apiKeyId,
          references: {
            create: input.references.map((r, position) => ({ assetId: r.assetId, position, label: r.label || null })),
          },
          slots: { create: Array.from({ length: input.n }, (_, index) => ({ index })) },
        },
        select: { id: true },
      });
    });
    return done({ id: row.id, created: true });
  } catch (e) {
    // A repeat of a request that took the last slot finds the quota spent: answer with its generation.
    const repeated = e instanceof QuotaExceededError || (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002");
    if (repeated) {
      const existing = await db.generation.findFirst({
        where: { idempotencyKey: input.idempotencyKey, userId: viewer.id, workspaceId: workspace.id },
        select: { id: true },
      });
      if (existing) return done({ id: existing.id, created: false });
    }
    // The throw rolled the take back; the refusal is said as its code.
    if (e instanceof QuotaExceededError) return refused(e.problem.code, e.problem.params);
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

/** These generations of the workspace (ids of another are left out) as `viewer` sees them, in one query; the live hub passes just a tab's viewer id. */
export async function getGenerations(viewer: Pick<Viewer, "id">, workspace: WorkspaceAccess, ids: string[]): Promise<GenerationDTO[]> {
  const rows = await db.generation.findMany({ where: { id: { in: ids }, workspaceId: workspace.id }, select: generationSelect });
  return rows.map((row) => toDTO(row, viewer, workspace));
}

/**
 * Puts the viewer's own settled generation back in the queue for its failed (or cancelled) slots
 * only, or for the one slot given: images already made are never asked for again. Conditional,
 * so two clicks queue it once. Refused (studio.nothingToRetry) when there is nothing of theirs to retry.
 * Images given back for uncharged failures (`refundedImages`) are taken again here, today, from the
 * quota and the member's cap, in the same transaction: with no room left the slots stay failed
 * and the refusal carries the quota's code and counts.
 * Which failed slots were refunded is not recorded per slot, so a retry takes back at most as many
 * as it re-queues: a slot that failed charged may take an image given back for another.
 */
export async function requeueFailedSlots(
  viewer: Viewer,
  workspace: WorkspaceAccess,
  id: string,
  slot?: number,
): Promise<Outcome> {
  try {
    const requeued = await db.$transaction((tx) => requeueInTx(tx, viewer, workspace, id, slot));
    return requeued ? done() : refused("studio.nothingToRetry");
  } catch (e) {
    // The throw rolled the re-queue back: the slots stay failed.
    if (e instanceof QuotaExceededError) return refused(e.problem.code, e.problem.params);
    throw e;
  }
}

async function requeueInTx(tx: Tx, viewer: Viewer, workspace: WorkspaceAccess, id: string, slot?: number): Promise<boolean> {
  const { count } = await tx.generation.updateMany({
    where: {
      id,
      workspaceId: workspace.id,
      userId: viewer.id,
      status: { in: ["SUCCEEDED", "FAILED"] },
      slots: { some: { status: { in: ["FAILED", "CANCELLED"] }, ...(slot === undefined ? {} : { index: slot }) } },
    },
    data: {
      status: "QUEUED",
      errorCode: null,
      errorMessage: null,
      errorDetail: Prisma.DbNull,
      startedAt: null,
      finishedAt: null,
      heartbeatAt: null,
      cancelledAt: null,
    },
  });
  if (count === 0) return false;
  const requeued = await tx.generationSlot.updateMany({
    where: { generationId: id, status: { in: ["FAILED", "CANCELLED"] }, ...(slot === undefined ? {} : { index: slot }) },
    data: { status: "QUEUED", errorCode: null, errorMessage: null, errorDetail: Prisma.DbNull },
  });
  // The generation row is locked by the update above, so concurrent retries take back in turn.
  const { refundedImages } = await tx.generation.findUniqueOrThrow({ where: { id }, select: { refundedImages: true } });
  const retake = Math.min(requeued.count, refundedImages);
  if (retake > 0) {
    await takeQuota(tx, { workspaceId: workspace.id, userId: viewer.id, images: retake });
    await tx.generation.update({ where: { id }, data: { refundedImages: { decrement: retake } } });
  }
  return true;
}

/**
 * Cancels the viewer's own pending generation. A queued one settles at once, without a call; a
 * running one keeps the images already made, its waiting slots are cancelled here and its calls
 * in flight are aborted by the worker (which the relay may still bill). False when it is not the
 * viewer's or is already over.
 */
export async function cancelGeneration(viewer: Viewer, workspace: WorkspaceAccess, id: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const now = new Date();
    const { count } = await tx.generation.updateMany({
      where: { id, workspaceId: workspace.id, userId: viewer.id, status: { in: ["QUEUED", "RUNNING"] }, cancelledAt: null },
      data: { cancelledAt: now },
    });
    if (count === 0) return false;
    await tx.generationSlot.updateMany({
      where: { generationId: id, status: "QUEUED" },
      data: { status: "CANCELLED", errorCode: "cancelled", errorMessage: CANCELLED_QUEUED_MESSAGE, errorDetail: { ...CANCELLED_QUEUED } },
    });
    // Nothing in flight (no worker has it, or its calls have all ended): it is over now.
    const slots = await tx.generationSlot.findMany({ where: { generationId: id }, select: { status: true } });
    const status = slots.every((s) => isSlotSettled(s.status)) ? settledStatus(slots) : null;
    if (status) {
      await tx.generation.updateMany({
        where: { id, status: "QUEUED" },
        data: {
          status,
          finishedAt: now,
          ...(status === "FAILED" && { errorCode: "cancelled", errorMessage: CANCELLED_QUEUED_MESSAGE, errorDetail: { ...CANCELLED_QUEUED } }),
        },
      });
    }
    return true;
  });
}

/**
 * Whether the image relay is in the shared backoff after repeated 429/5xx answers: Create then
 * says so ("the image service is struggling; your request is queued") instead of looking stuck.
 */
export async function relayStatus(): Promise<{ struggling: boolean }> {
  if (!env.IMAGE_API_BASE_URL) return { struggling: false };
  return { struggling: (await relayBackoffUntil(new URL(env.IMAGE_API_BASE_URL).origin)) !== null };
}
