import "server-only";
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import type { ApiCaller } from "@/lib/data/api-keys";
import { createReferenceAsset } from "@/lib/data/assets";
import { createGeneration } from "@/lib/data/generations";
import { getDailyUsage } from "@/lib/data/quota";
import { signedFileUrl } from "@/lib/data/signed-files";
import { db } from "@/lib/db";
import { ImageApiError } from "@/lib/image-api/errors";
import { decodeB64Image, downloadImage } from "@/lib/image-api/download";
import { acceptUpload, MAX_UPLOAD_BYTES, UploadRejectedError } from "@/lib/images";
import { getStorage } from "@/lib/storage";
import type { ApiGenerationInput } from "@/lib/validations/api-images";

/** A refusal of the API's, with what OpenAI's error shape needs. */
export class ApiRefusal extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly detail: { type?: "invalid_request_error" | "insufficient_quota" | "server_error" | "permission_error"; param?: string; code?: string } = {},
  ) {
    super(message);
  }
}

const REFERENCE_FETCH_TIMEOUT_MS = 30_000;
const POLL_MS = 400;

/**
 * A reference as the script gave it: a data URL, or a URL fetched with the same checks as result
 * downloads (public networks only, every redirect hop checked, size-capped), then checked and
 * normalised exactly like an upload from the studio.
 */
async function ingestReference(caller: ApiCaller, source: string, index: number) {
  const param = `image[${index}]`;
  let bytes: Buffer;
  try {
    ({ bytes } = source.startsWith("data:")
      ? await decodeB64Image(source, { maxBytes: MAX_UPLOAD_BYTES })
      : await downloadImage(source, { timeoutMs: REFERENCE_FETCH_TIMEOUT_MS, maxBytes: MAX_UPLOAD_BYTES, allowPrivateNetwork: false }));
  } catch (e) {
    if (!(e instanceof ImageApiError)) throw e;
    throw new ApiRefusal(
      400,
      `${param} could not be read: give a data URL or a public http(s) URL of an image of at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`,
      { param, code: "invalid_image" },
    );
  }
  try {
    const { reference } = await acceptUpload(bytes, `api-reference-${index + 1}`);
    return await createReferenceAsset(caller.viewer, caller.workspace, reference, `api-reference-${index + 1}`);
  } catch (e) {
    if (e instanceof UploadRejectedError) throw new ApiRefusal(400, `${param}: ${e.message}`, { param, code: "invalid_image" });
    throw e;
  }
}

/**
 * Stores the request as a QUEUED generation through the studio's own path (same quota, caps and
 * ledger), marked with the key. The quota is looked at first only to spare fetching references for
 * a request that cannot fit; the atomic take inside createGeneration decides.
 */
export async function createApiGeneration(caller: ApiCaller, input: ApiGenerationInput & { model: string }, idempotencyKey?: string) {
  const usage = await getDailyUsage(caller.workspace, new Date(), caller.viewer.id);
  if (input.n > usage.available) throw quotaRefusal(usage.member?.remaining === usage.available ? "member" : "workspace", input.n, usage.available);
  const references = [];
  for (const [i, source] of input.image.entries()) references.push({ assetId: (await ingestReference(caller, source, i)).id });
  const outcome = await createGeneration(caller.viewer, caller.workspace, {
    workspace: caller.workspace.slug,
    prompt: input.prompt,
    size: input.size,
    n: input.n,
    model: input.model,
    references,
    idempotencyKey: idempotencyKey ?? randomUUID(),
    apiKeyId: caller.keyId,
  });
  if (outcome.ok) return outcome.value;
  // The public API answers in English, OpenAI-shaped; the refusal's code picks the status.
  const refusal = outcome.problem;
  const message = outcome.message;
  if (refusal?.code === "studio.workspaceSuspended") throw new ApiRefusal(403, message, { type: "permission_error", code: "workspace_suspended" });
  if (refusal?.code === "studio.quotaWorkspace" || refusal?.code === "studio.quotaMember") {
    const { requested, left } = refusal.params as { requested: number; left: number };
    throw quotaRefusal(refusal.code === "studio.quotaWorkspace" ? "workspace" : "member", requested, left);
  }
  throw new ApiRefusal(400, message, { param: "image", code: "invalid_image" });
}

function quotaRefusal(scope: "workspace" | "member", requested: number, left: number) {
  const whose = scope === "workspace" ? "The workspace's daily image quota" : "Your daily image cap in this workspace";
  return new ApiRefusal(429, `${whose} has ${left} images left today; this asks for ${requested}. It starts again at 00:00 UTC.`, {
    type: "insufficient_quota",
    code: scope === "workspace" ? "daily_quota_exceeded" : "member_cap_exceeded",
  });
}

const settled = (status: string) => status === "SUCCEEDED" || status === "FAILED";

/** Waits (bounded) for the generation to settle; false when it is still running at the deadline. */
export async function waitForGeneration(id: string, waitMs: number, signal: AbortSignal): Promise<boolean> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const row = await db.generation.findUnique({ where: { id }, select: { status: true } });
    if (!row || settled(row.status)) return true;
    const left = deadline - Date.now();
    if (left <= 0 || signal.aborted) return false;
    await sleep(Math.min(POLL_MS, left), undefined, { signal }).catch(() => undefined);
  }
}

/** Failure classes that are the request's fault answer 400; the rest are the relay's (502). */
const REQUEST_FAULTS = new Set(["safety", "bad_request", "reference_rejected", "invalid_request"]);

export type ApiGenerationAnswer =
  | { kind: "pending"; body: { id: string; status: "queued" | "running"; created: number } }
  | { kind: "done"; body: { id: string; status: "succeeded"; created: number; data: ({ url: string } | { b64_json: string })[] } }
  | { kind: "failed"; refusal: ApiRefusal };

/** The generation as the API answers it; null when it is not in the caller's workspace. */
export async function apiGenerationAnswer(
  caller: ApiCaller,
  id: string,
  format: "url" | "b64_json",
): Promise<ApiGenerationAnswer | null> {
  const row = await db.generation.findFirst({
    where: { id, workspaceId: caller.workspace.id },
    select: {
      id: true,
      status: true,
      createdAt: true,
      errorCode: true,
      errorMessage: true,
      images: { orderBy: { index: "asc" }, select: { revisedPrompt: true, asset: { select: { id: true, storageKey: true } } } },
    },
  });
  if (!row) return null;
  const created = Math.floor(row.createdAt.getTime() / 1000);
  if (row.status === "QUEUED" || row.status === "RUNNING") {
    return { kind: "pending", body: { id: row.id, status: row.status === "QUEUED" ? "queued" : "running", created } };
  }
  if (row.status === "FAILED") {
    const code = row.errorCode ?? "server_error";
    const request = REQUEST_FAULTS.has(code);
    return {
      kind: "failed",
      refusal: new ApiRefusal(request ? 400 : 502, row.errorMessage ?? "The images could not be made.", {
        type: request ? "invalid_request_error" : "server_error",
        code,
      }),
    };
  }
  const data = await Promise.all(
    row.images.map(async (img) => {
      const revised = { revised_prompt: img.revisedPrompt ?? undefined };
      if (format === "url") return { url: signedFileUrl(img.asset.id), ...revised };
      const bytes = await getStorage().get(img.asset.storageKey);
      if (!bytes) throw new Error(`stored result ${img.asset.id} is missing`);
      return { b64_json: bytes.toString("base64"), ...revised };
    }),
  );
  return { kind: "done", body: { id: row.id, status: "succeeded", created, data } };
}
