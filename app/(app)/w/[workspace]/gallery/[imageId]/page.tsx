import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { listCollectionOptions } from "@/lib/data/collections";
import { getGenerationDiscussion } from "@/lib/data/comments";
import { getGalleryImage } from "@/lib/data/gallery/read";
import { requireWorkspace } from "@/lib/pages/require-workspace";
import { workspaceUrls } from "@/lib/urls";
import { galleryFiltersToParams, parseGalleryFilters } from "@/lib/validations/gallery";
import { ImagePage } from "../_components/image-page";

type Props = PageProps<"/w/[workspace]/gallery/[imageId]">;

const ID = /^[A-Za-z0-9_-]{1,64}$/;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { viewer, workspace } = await requireWorkspace(params);
  const { imageId } = await params;
  const view = ID.test(imageId) ? await getGalleryImage(viewer, workspace, imageId) : null;
  if (view) return { title: view.generation.prompt.slice(0, 60) };
  const t = await getTranslations("gallery");
  return { title: t("meta.image") };
}

/** One image on its own page: what the lightbox shows, server-rendered, for links and new tabs. */
export default async function ImageDetailPage({ params, searchParams }: Props) {
  const { viewer, workspace } = await requireWorkspace(params);
  const { imageId } = await params;
  if (!ID.test(imageId)) notFound();
  // The gallery's filters ride along, so ←/→ step through the same view the lightbox came from.
  const filters = parseGalleryFilters(await searchParams);
  const [view, collections] = await Promise.all([getGalleryImage(viewer, workspace, imageId, filters), listCollectionOptions(workspace)]);
  if (!view) notFound();
  const discussion = await getGenerationDiscussion(viewer, workspace, view.generation.id);
  if (!discussion) notFound();
  const query = galleryFiltersToParams(filters);
  const imageHref = (id: string | null) => (id ? workspaceUrls.image(workspace.slug, id, query) : null);

  return (
    <ImagePage
      view={view}
      collections={collections}
      discussion={discussion}
      galleryHref={workspaceUrls.gallery(workspace.slug, query)}
      previousHref={imageHref(view.previousId)}
      nextHref={imageHref(view.nextId)}
    />
  );
}
