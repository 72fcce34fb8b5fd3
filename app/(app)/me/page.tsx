import type { Metadata } from "next";
import Link from "next/link";
import { GalleryFilters } from "@/components/gallery/gallery-filters";
import { GalleryView } from "@/components/gallery/gallery-view";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { requireUser } from "@/lib/auth";
import { listMyGalleryPage, myFilters } from "@/lib/data/gallery/read";
import { homeWorkspaceSlug } from "@/lib/data/workspaces";
import { appUrls, workspaceUrls } from "@/lib/urls";
import { isFiltered, parseGalleryFilters } from "@/lib/validations/gallery";

export const metadata: Metadata = { title: "My gallery" };

/** Everything the signed-in person made, in every workspace they belong to, newest first. */
export default async function MyGalleryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireUser();
  const filters = myFilters(parseGalleryFilters(await searchParams));
  const [page, home] = await Promise.all([listMyGalleryPage(viewer, filters), homeWorkspaceSlug(viewer)]);

  return (
    <>
      <div className="mb-6">
        <h1 className="text-2xl font-semibold tracking-tight">My gallery</h1>
        <p className="mt-1 text-sm text-ink-muted">Your images from every workspace you belong to.</p>
      </div>
      <GalleryFilters filters={filters} showWho={false} />
      <GalleryView
        source={{ kind: "me", filters }}
        initialPage={page}
        collections={null}
        selectable={false}
        showWorkspace
        empty={
          isFiltered({ ...filters, who: "everyone" }) ? (
            <EmptyState
              title="No results for these filters"
              action={
                <Link href={appUrls.me} className={buttonClass("secondary")}>
                  Clear filters
                </Link>
              }
            >
              None of your images match. Try another word, or widen the filters.
            </EmptyState>
          ) : (
            <EmptyState
              title="No images yet"
              action={
                home ? (
                  <Link href={workspaceUrls.create(home)} className={buttonClass("primary")}>
                    Create your first image
                  </Link>
                ) : undefined
              }
            >
              Whatever you make, in any workspace, is gathered here.
            </EmptyState>
          )
        }
      />
    </>
  );
}
