import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
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

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("workspace.me");
  return { title: t("title") };
}

/** Everything the signed-in person made, in every workspace they belong to, newest first. */
export default async function MyGalleryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireUser();
  const filters = myFilters(parseGalleryFilters(await searchParams));
  const [page, home, t] = await Promise.all([listMyGalleryPage(viewer, filters), homeWorkspaceSlug(viewer), getTranslations("workspace.me")]);

  return (
    <>
      <div className="mb-6">
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="mt-1 text-sm text-ink-muted">{t("intro")}</p>
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
              title={t("noResults")}
              action={
                <Link href={appUrls.me} className={buttonClass("secondary")}>
                  {t("clear")}
                </Link>
              }
            >
              {t("noResultsBody")}
            </EmptyState>
          ) : (
            <EmptyState
              title={t("empty")}
              action={
                home ? (
                  <Link href={workspaceUrls.create(home)} className={buttonClass("primary")}>
                    {t("first")}
                  </Link>
                ) : undefined
              }
            >
              {t("emptyBody")}
            </EmptyState>
          )
        }
      />
    </>
  );
}
