import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth";
import { listCollectionOptions } from "@/lib/data/collections";
import { getGenerationDiscussion } from "@/lib/data/comments";
import { getGalleryImage } from "@/lib/data/gallery/read";
import { getWorkspaceAccess } from "@/lib/data/workspaces";
import { galleryFiltersToParams, parseGalleryFilters } from "@/lib/validations/gallery";
import { ImagePage } from "../_components/image-page";

type Props = {
  params: Promise<{ workspace: string; imageId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const ID = /^[A-Za-z0-9_-]{1,64}$/;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const viewer = await requireUser();
  const { workspace: slug, imageId } = await params;
  const workspace = await getWorkspaceAccess(viewer, slug);
  const view = workspace && ID.test(imageId) ? await getGalleryImage(viewer, workspace, imageId) : null;
  return { title: view ? view.generation.prompt.slice(0, 60) : "Image" };
}

/** One image on its own page: what the lightbox shows, server-rendered, for links and new tabs. */
export default async function ImageDetailPage({ params, searchParams }: Props) {
  const viewer = await requireUser();
  const { workspace: slug, imageId } = await params;
  const workspace = await getWorkspaceAccess(viewer, slug);
  if (!workspace || !ID.test(imageId)) notFound();
  // The gallery's filters ride along, so ←/→ step through the same view the lightbox came from.
  const filters = parseGalleryFilters(await searchParams);
  const [view, collections] = await Promise.all([getGalleryImage(viewer, workspace, imageId, filters), listCollectionOptions(workspace)]);
  if (!view) notFound();
  const discussion = await getGenerationDiscussion(viewer, workspace, view.generation.id);
  if (!discussion) notFound();
  const query = galleryFiltersToParams(filters).toString();
  const suffix = query ? `?${query}` : "";
  const base = `/w/${workspace.slug}/gallery`;

  return (
    <ImagePage
      view={view}
      collections={collections}
      discussion={discussion}
      galleryHref={`${base}${suffix}`}
      previousHref={view.previousId ? `${base}/${view.previousId}${suffix}` : null}
      nextHref={view.nextId ? `${base}/${view.nextId}${suffix}` : null}
    />
  );
}
