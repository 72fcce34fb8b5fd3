import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { GenerationDiscussion } from "@/components/discussion/generation-discussion";
import { getGenerationDiscussion } from "@/lib/data/comments";
import { getGeneration } from "@/lib/data/generations";
import { failureText, type RelayT } from "@/lib/i18n/relay";
import { requireWorkspace } from "@/lib/pages/require-workspace";
import { apiUrls, workspaceUrls } from "@/lib/urls";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("gallery");
  return { title: t("meta.generation") };
}

/** One generation of the workspace with its images (downloadable by every member) and its discussion. */
export default async function ActivityGenerationPage({ params }: PageProps<"/w/[workspace]/activity/[generationId]">) {
  const { viewer, workspace } = await requireWorkspace(params);
  const { generationId } = await params;
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(generationId)) notFound();
  const [generation, discussion, t, relay] = await Promise.all([
    getGeneration(viewer, workspace, generationId),
    getGenerationDiscussion(viewer, workspace, generationId),
    getTranslations("gallery.activity"),
    getTranslations("relay"),
  ]);
  if (!generation || !discussion) notFound();

  return (
    <div className="space-y-8">
      <div>
        <Link href={workspaceUrls.activity(workspace.slug)} className="text-sm text-ink-muted hover:underline">
          ← {t("back")}
        </Link>
        <h1 className="mt-2 text-xl font-semibold tracking-tight">{generation.prompt}</h1>
        <p className="mt-1 text-sm text-ink-muted">
          {t("meta", { size: generation.size.replace("x", "×"), count: generation.n, model: generation.model })}
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
                  alt={t("result", { index: img.index + 1, prompt: generation.prompt.slice(0, 60) })}
                  width={img.width}
                  height={img.height}
                  className="h-auto w-full"
                />
              </a>
              <a href={apiUrls.download(img.url)} className="text-sm font-medium text-accent hover:underline" download>
                {t("download", { index: img.index + 1 })}
              </a>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-ink-muted">
          {generation.status === "FAILED"
            ? generation.error
              ? failureText(relay as unknown as RelayT, generation.error).reason
              : t("failed")
            : t("pending")}
        </p>
      )}
      <GenerationDiscussion key={discussion.generationId} workspace={workspace.slug} discussion={discussion} />
    </div>
  );
}
