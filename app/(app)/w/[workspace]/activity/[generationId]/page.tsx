import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { GenerationDiscussion } from "@/components/discussion/generation-discussion";
import { getGenerationDiscussion } from "@/lib/data/comments";
import { getGeneration } from "@/lib/data/generations";
import { requireWorkspace } from "@/lib/pages/require-workspace";
import { apiUrls, workspaceUrls } from "@/lib/urls";

export const metadata: Metadata = { title: "Generation" };

/** One generation of the workspace with its images (downloadable by every member) and its discussion. */
export default async function ActivityGenerationPage({ params }: PageProps<"/w/[workspace]/activity/[generationId]">) {
  const { viewer, workspace } = await requireWorkspace(params);
  const { generationId } = await params;
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(generationId)) notFound();
  const [generation, discussion] = await Promise.all([
    getGeneration(viewer, workspace, generationId),
    getGenerationDiscussion(viewer, workspace, generationId),
  ]);
  if (!generation || !discussion) notFound();

  return (
    <div className="space-y-8">
      <div>
        <Link href={workspaceUrls.activity(workspace.slug)} className="text-sm text-ink-muted hover:underline">
          ← Activity
        </Link>
        <h1 className="mt-2 text-xl font-semibold tracking-tight">{generation.prompt}</h1>
        <p className="mt-1 text-sm text-ink-muted">
          {generation.size.replace("x", "×")} · {generation.n} {generation.n === 1 ? "image" : "images"} · {generation.model}
        </p>
      </div>
      {generation.images.length > 0 ? (
        <ul className="grid gap-4 sm:grid-cols-2">
          {generation.images.map((img) => (
            <li key={img.id} className="space-y-2">
              <a href={img.url} target="_blank" rel="noreferrer" className="block overflow-hidden rounded-card bg-paper-sunk">
                {/* eslint-disable-next-line @next/next/no-img-element -- auth-checked files */}
                <img
                  src={img.thumbUrl}
                  alt={`Result ${img.index + 1} of “${generation.prompt.slice(0, 60)}”`}
                  width={img.width}
                  height={img.height}
                  className="h-auto w-full"
                />
              </a>
              <a href={apiUrls.download(img.url)} className="text-sm font-medium text-accent hover:underline" download>
                Download image {img.index + 1}
              </a>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-ink-muted">
          {generation.status === "FAILED" ? (generation.error?.message ?? "This generation failed.") : "Still generating…"}
        </p>
      )}
      <GenerationDiscussion key={discussion.generationId} workspace={workspace.slug} discussion={discussion} />
    </div>
  );
}
