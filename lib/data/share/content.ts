import "server-only";
import { imageSelect, toImageDTO, type ImageDTO } from "@/lib/data/dto";
import { sharedGenerationsWhere, sharedImagesWhere, type LiveShareLink } from "@/lib/data/share/shared-access";
import { db } from "@/lib/db";
import type { ShareTarget } from "@/lib/generated/prisma/enums";
import { apiUrls } from "@/lib/urls";

// What a share page shows, read through a link already checked in shared-access.ts.

/** Counted in the database, so simultaneous visits all count. */
export async function recordShareView(link: Pick<LiveShareLink, "id">): Promise<void> {
  await db.shareLink.updateMany({
    where: { id: link.id, revokedAt: null },
    data: { viewCount: { increment: 1 }, lastViewedAt: new Date() },
  });
}

/** A generation as a share page shows it: no emails, no ids but its own, its images' and its files'. */
export interface SharedGenerationDTO {
  id: string;
  prompt: string;
  size: string;
  createdAt: string;
  creatorName: string | null;
  images: ImageDTO[];
  /** Empty unless the sharer chose to show the references. */
  references: { url: string; label: string | null; position: number }[];
}

export interface SharedContentDTO {
  target: ShareTarget;
  /** The prompt, the collection's name or the workspace's; null when there is none (the page words it). */
  title: string | null;
  sharedBy: string | null;
  generations: SharedGenerationDTO[];
  page: number;
  hasMore: boolean;
}

export const SHARED_PAGE_SIZE = 24;

export async function getSharedContent(link: LiveShareLink, page = 1): Promise<SharedContentDTO> {
  const single = link.target === "GENERATION";
  // Every file of a share page is served through its token, never the member file route.
  const fileUrl = (assetId: string) => apiUrls.sharedFile(link.token, assetId);
  const rows = await db.generation.findMany({
    where: sharedGenerationsWhere(link),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: single ? 0 : (page - 1) * SHARED_PAGE_SIZE,
    take: single ? 1 : SHARED_PAGE_SIZE + 1,
    select: {
      id: true,
      prompt: true,
      size: true,
      createdAt: true,
      user: { select: { name: true } },
      images: {
        where: sharedImagesWhere(link),
        orderBy: { index: "asc" },
        select: imageSelect,
      },
      references: { orderBy: { position: "asc" }, select: { position: true, label: true, assetId: true } },
    },
  });
  const generations = rows.slice(0, single ? 1 : SHARED_PAGE_SIZE).map(
    (g): SharedGenerationDTO => ({
      id: g.id,
      prompt: g.prompt,
      size: g.size,
      createdAt: g.createdAt.toISOString(),
      creatorName: g.user.name,
      images: g.images.map((img) => toImageDTO(img, fileUrl)),
      references: link.showReferences
        ? g.references.map((r) => ({ url: fileUrl(r.assetId), label: r.label, position: r.position }))
        : [],
    }),
  );
  const title =
    link.target === "GENERATION"
      ? (generations[0]?.prompt ?? null)
      : link.target === "COLLECTION"
        ? (link.collection?.name ?? null)
        : link.workspace.name;
  return {
    target: link.target,
    title,
    sharedBy: link.createdBy?.name ?? null,
    generations,
    page: single ? 1 : page,
    hasMore: !single && rows.length > SHARED_PAGE_SIZE,
  };
}
