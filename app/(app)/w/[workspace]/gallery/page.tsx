import type { Metadata } from "next";
import Link from "next/link";
import { GalleryFilters } from "@/components/gallery/gallery-filters";
import { GalleryView } from "@/components/gallery/gallery-view";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { listCollectionOptions } from "@/lib/data/collections";
import { listGalleryPage } from "@/lib/data/gallery/read";
import { listMembers } from "@/lib/data/members";
import { requireWorkspace } from "@/lib/pages/require-workspace";
import { can } from "@/lib/permissions";
import { workspaceUrls } from "@/lib/urls";
import { isFiltered, parseGalleryFilters } from "@/lib/validations/gallery";

export const metadata: Metadata = { title: "Gallery" };

export default async function GalleryPage({ params, searchParams }: PageProps<"/w/[workspace]/gallery">) {
  const { viewer, workspace } = await requireWorkspace(params);
  const filters = parseGalleryFilters(await searchParams);
  const [page, collections, members] = await Promise.all([
    listGalleryPage(viewer, workspace, filters),
    listCollectionOptions(workspace),
    listMembers(workspace),
  ]);
  const mayCreate = can(workspace.role, "generation.create");

  return (
    <>
      <div className="mb-6 flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">Gallery</h1>
        <Link href={workspaceUrls.collections(workspace.slug)} className="ml-auto text-sm font-medium text-ink-soft hover:text-ink">
          Collections
        </Link>
        {mayCreate ? (
          <Link href={workspaceUrls.create(workspace.slug)} className={buttonClass("primary")}>
            Create
          </Link>
        ) : null}
      </div>
      <GalleryFilters
        filters={filters}
        showWho
        members={members.map((m) => ({ userId: m.userId, name: `${m.name ?? m.email}${m.userId === viewer.id ? " (you)" : ""}` }))}
      />
      <GalleryView
        source={{ kind: "workspace", workspace: workspace.slug, filters }}
        initialPage={page}
        collections={collections}
        canCollect={can(workspace.role, "collection.manage")}
        selectable
        empty={
          isFiltered(filters) ? (
            <EmptyState
              title="No results for these filters"
              action={
                <Link href={workspaceUrls.gallery(workspace.slug)} className={buttonClass("secondary")}>
                  Clear filters
                </Link>
              }
            >
              Nothing here matches. Try another word, or widen the filters.
            </EmptyState>
          ) : (
            <EmptyState
              title="No images yet"
              action={
                mayCreate ? (
                  <Link href={workspaceUrls.create(workspace.slug)} className={buttonClass("primary")}>
                    Create your first image
                  </Link>
                ) : undefined
              }
            >
              Everything made in {workspace.name} is kept here, newest first.
            </EmptyState>
          )
        }
      />
    </>
  );
}
