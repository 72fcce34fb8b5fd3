import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { listCollections } from "@/lib/data/collections";
import { requireWorkspace } from "@/lib/pages/require-workspace";
import { can } from "@/lib/permissions";
import { workspaceUrls } from "@/lib/urls";
import { NewCollectionForm } from "./_components/new-collection-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("gallery");
  return { title: t("meta.collections") };
}

/** Fills the square cover whatever the count: one image whole, two side by side, three with a tall first. */
function coverSpan(count: number, index: number): string {
  if (count === 1) return "col-span-2 row-span-2";
  if (count === 2 || (count === 3 && index === 0)) return "row-span-2";
  return "";
}

export default async function CollectionsPage({ params }: PageProps<"/w/[workspace]/collections">) {
  const { workspace } = await requireWorkspace(params);
  const [collections, t] = await Promise.all([listCollections(workspace), getTranslations("gallery.collections")]);
  const mayManage = can(workspace.role, "collection.manage");

  return (
    <>
      <div className="mb-6 flex flex-wrap items-end gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
          <p className="mt-1 text-sm text-ink-muted">{t("intro", { workspace: workspace.name })}</p>
        </div>
        {mayManage ? <NewCollectionForm workspace={workspace.slug} /> : null}
      </div>
      {collections.length === 0 ? (
        <EmptyState title={t("empty.title")}>{t(mayManage ? "empty.manage" : "empty.read")}</EmptyState>
      ) : (
        <ul className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-4" data-testid="collections">
          {collections.map((c) => (
            <li key={c.id}>
              <Link
                href={workspaceUrls.collection(workspace.slug, c.id)}
                className="group block rounded-card border border-ink/10 bg-paper-raised p-2 transition-shadow hover:shadow-md"
                data-testid="collection-card"
              >
                <div className="grid aspect-square grid-cols-2 grid-rows-2 gap-1 overflow-hidden rounded-lg bg-paper-sunk">
                  {c.covers.map((cover, i) => (
                    // eslint-disable-next-line @next/next/no-img-element -- auth-checked thumbnails
                    <img
                      key={cover.id}
                      src={cover.thumbUrl}
                      alt=""
                      width={cover.width}
                      height={cover.height}
                      loading="lazy"
                      className={`size-full object-cover ${coverSpan(c.covers.length, i)}`}
                    />
                  ))}
                </div>
                <p className="mt-2 truncate px-1 font-medium">{c.name}</p>
                <p className="px-1 pb-1 text-sm text-ink-muted">{t("count", { count: c.count })}</p>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
