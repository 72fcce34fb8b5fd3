import "server-only";
import type { Viewer } from "@/lib/auth";
import { done, refused, type Outcome } from "@/lib/data/outcome";
import { sharedGenerationsWhere, type LiveShareLink } from "@/lib/data/share/shared-access";
import { db } from "@/lib/db";

export interface RemixDraft {
  workspaceSlug: string;
  prompt: string;
  size: string;
  n: number;
  referenceIds: string[];
}

/**
 * Starts a remix of a shared generation in the viewer's personal workspace. When the sharer showed
 * the references, each becomes a new REFERENCE asset there pointing at the same content-addressed
 * file (no bytes are copied, no other row is). Refused when the generation is not part of the link.
 */
export async function remixSharedGeneration(
  viewer: Viewer,
  link: LiveShareLink,
  generationId: string | undefined,
): Promise<Outcome<RemixDraft>> {
  const id = link.target === "GENERATION" ? link.generationId : generationId;
  if (!id) return refused("gallery.remixNotInLink");
  const generation = await db.generation.findFirst({
    where: { AND: [sharedGenerationsWhere(link), { id }] },
    select: {
      prompt: true,
      size: true,
      n: true,
      references: {
        orderBy: { position: "asc" },
        select: {
          label: true,
          asset: { select: { storageKey: true, mime: true, width: true, height: true, bytes: true, sha256: true } },
        },
      },
    },
  });
  if (!generation) return refused("gallery.remixNotInLink");
  const personal = await db.workspace.findFirst({
    where: { personal: true, memberships: { some: { userId: viewer.id, role: "OWNER" } } },
    select: { id: true, slug: true },
  });
  if (!personal) return refused("gallery.remixNoStudio");
  const references = link.showReferences ? generation.references : [];
  const copies = await db.$transaction(
    references.map((r) =>
      db.asset.create({
        data: { ...r.asset, workspaceId: personal.id, userId: viewer.id, kind: "REFERENCE", fileName: r.label },
        select: { id: true },
      }),
    ),
  );
  return done({
    workspaceSlug: personal.slug,
    prompt: generation.prompt,
    size: generation.size,
    n: generation.n,
    referenceIds: copies.map((c) => c.id),
  });
}
