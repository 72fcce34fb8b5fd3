"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { fail, userAction } from "@/lib/actions/action";
import { remixSharedGeneration } from "@/lib/data/share/remix";
import { resolveShareLink } from "@/lib/data/share/shared-access";
import { SHARE_PAGE_PROOF_COOKIE } from "@/lib/data/share/tokens";
import { workspaceUrls } from "@/lib/urls";
import { remixSharedSchema } from "@/lib/validations/share";

/** A signed-in visitor takes a shared generation's inputs into their own personal studio. */
export const remixSharedAction = userAction("remix-shared", remixSharedSchema, async ({ viewer, input }) => {
  // Server actions post to the page's own URL, so the page-scoped unlock cookie comes along.
  const proof = (await cookies()).get(SHARE_PAGE_PROOF_COOKIE)?.value;
  const access = await resolveShareLink(input.token, proof);
  if (access.status === "not-found") return fail("gallery.linkGone");
  if (access.status === "locked") return fail("gallery.linkLocked");
  const remixed = await remixSharedGeneration(viewer, access.link, input.generationId);
  if (!remixed.ok) return remixed;
  const draft = remixed.value;
  // The Create page prefills itself from these parameters.
  redirect(workspaceUrls.create(draft.workspaceSlug, { prompt: draft.prompt, size: draft.size, n: draft.n, refs: draft.referenceIds }));
});
