"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { ActionError, userAction } from "@/lib/actions/action";
import { ShareRefusedError } from "@/lib/data/share/links";
import { remixSharedGeneration, type RemixDraft } from "@/lib/data/share/remix";
import { resolveShareLink } from "@/lib/data/share/shared-access";
import { SHARE_PAGE_PROOF_COOKIE } from "@/lib/data/share/tokens";
import { workspaceUrls } from "@/lib/urls";
import { remixSharedSchema } from "@/lib/validations/share";


/** A signed-in visitor takes a shared generation's inputs into their own personal studio. */
export const remixSharedAction = userAction("remix-shared", remixSharedSchema, async ({ viewer, input }) => {
  // Server actions post to the page's own URL, so the page-scoped unlock cookie comes along.
  const proof = (await cookies()).get(SHARE_PAGE_PROOF_COOKIE)?.value;
  const access = await resolveShareLink(input.token, proof);
  if (access.status === "not-found") return { ok: false, message: "This link is no longer available." };
  if (access.status === "locked") return { ok: false, message: "Enter the link's password first." };
  let draft: RemixDraft | null;
  try {
    draft = await remixSharedGeneration(viewer, access.link, input.generationId);
  } catch (e) {
    if (e instanceof ShareRefusedError) throw new ActionError(e.message);
    throw e;
  }
  if (!draft) return { ok: false, message: "That image is not part of this link." };
  // The Create page prefills itself from these parameters.
  redirect(workspaceUrls.create(draft.workspaceSlug, { prompt: draft.prompt, size: draft.size, n: draft.n, refs: draft.referenceIds }));
});
