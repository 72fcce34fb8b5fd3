import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
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

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("gallery");
  return { title: t("meta.gallery") };
}

export default async function GalleryPage({ params, searchParams }: PageProps<"/w/[workspace]/gallery">) {
  const { viewer, workspace } = await requireWorkspace(params);
  const filters = parseGalleryFilters(await searchParams);
  const [page, collections, members, t] = await Promise.all([
    listGalleryPage(viewer, workspace, filters),
    listCollectionOptions(workspace),
    listMembers(workspace),
    getTranslations("gallery"),
  ]);
  const mayCreate = can(workspace.role, "generation.create");

  return (
    <>
      <div className="mb-6 flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">{t("page.title")}</h1>
        <Link href={workspaceUrls.collections(workspace.slug)} className="ml-auto text-sm font-medium text-ink-soft hover:text-ink">
          {t("page.collections")}
        </Link>
        {mayCreate ? (
          <Link href={workspaceUrls.create(workspace.slug)} className={buttonClass("primary")}>
            {t("page.create")}
          </Link>
        ) : null}
      </div>
      <GalleryFilters
        filters={filters}
        showWho
        members={members.map((m) => {
          const name = m.name ?? m.email;
          return { userId: m.userId, name: m.userId === viewer.id ? t("page.you", { name }) : name };
        })}
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
              title={t("page.filteredEmpty.title")}
              action={
                <Link href={workspaceUrls.gallery(workspace.slug)} className={buttonClass("secondary")}>
                  {t("page.filteredEmpty.action")}
                </Link>
              }
            >
              {t("page.filteredEmpty.body")}
            </EmptyState>
          ) : (
            <EmptyState
              title={t("page.empty.title")}
              action={
                mayCreate ? (
                  <Link href={workspaceUrls.create(workspace.slug)} className={buttonClass("primary")}>
                    {t("page.empty.action")}
                  </Link>
                ) : undefined
              }
            >
              {t("page.empty.body", { workspace: workspace.name })}
            </EmptyState>
          )
        }
      />
    </>
  );
}
