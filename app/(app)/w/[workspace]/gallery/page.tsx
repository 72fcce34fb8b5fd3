import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "Gallery" };

export default async function GalleryPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace } = await params;
  return (
    <>
      <h1 className="mb-6 text-2xl font-semibold tracking-tight">Gallery</h1>
      <EmptyState
        title="No images yet"
        action={
          <Link href={`/w/${workspace}/create`} className={buttonClass("primary")}>
            Create your first image
          </Link>
        }
      >
        Everything you generate in this workspace is kept here.
      </EmptyState>
    </>
  );
}
