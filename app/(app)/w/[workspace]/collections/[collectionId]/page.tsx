import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { GalleryView } from "@/components/gallery/gallery-view";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { getCollection, listCollectionOptions } from "@/lib/data/collections";
import { listCollectionGalleryPage } from "@/lib/data/gallery/read";
import { requireWorkspace } from "@/lib/pages/require-workspace";
import { can } from "@/lib/permissions";
import { workspaceUrls } from "@/lib/urls";
import { CollectionHeader } from "../_components/collection-header";

type Props = PageProps<"/w/[workspace]/collections/[collectionId]">;

const ID = /^[A-Za-z0-9_-]{1,64}$/;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("gallery");
  return { title: t("meta.collection") };
}

export default async function CollectionPage({ params }: Props) {
  const { viewer, workspace } = await requireWorkspace(params);
  const { collectionId } = await params;
  if (!ID.test(collectionId)) notFound();
  const collection = await getCollection(workspace, collectionId);
  if (!collection) notFound();
  const [page, collections, t] = await Promise.all([
    listCollectionGalleryPage(viewer, workspace, collection.id),
    listCollectionOptions(workspace),
    getTranslations("gallery.collections"),
  ]);
  const mayManage = can(workspace.role, "collection.manage");

  return (
    <>
      <nav aria-label={t("title")} className="mb-3 text-sm">
        <Link href={workspaceUrls.collections(workspace.slug)} className="font-medium text-ink-soft hover:text-ink">
          ← {t("title")}
        </Link>
      </nav>
      <CollectionHeader workspace={workspace.slug} collection={collection} mayManage={mayManage} />
      <GalleryView
        source={{ kind: "collection", workspace: workspace.slug, collectionId: collection.id }}
        initialPage={page}
        collections={collections}
        collection={{ id: collection.id, name: collection.name }}
        canCollect={mayManage}
        selectable
        empty={
          <EmptyState
            title={t("emptyOne.title")}
            action={
              <Link href={workspaceUrls.gallery(workspace.slug)} className={buttonClass("secondary")}>
                {t("emptyOne.action")}
              </Link>
            }
          >
            {t("emptyOne.body")}
          </EmptyState>
        }
      />
    </>
  );
}
