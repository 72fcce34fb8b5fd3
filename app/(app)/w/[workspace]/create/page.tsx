import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { remixOf, type StudioPrefill } from "@/components/studio/prefill";
import { Studio } from "@/components/studio/studio";
import type { Viewer } from "@/lib/auth";
import { referencesByIds } from "@/lib/data/assets";
import { getGeneration, listRecentGenerations, relayStatus } from "@/lib/data/generations";
import type { WorkspaceAccess } from "@/lib/data/workspaces";
import { env, imageModels } from "@/lib/env";
import { modelProfile } from "@/lib/image-api/profiles";
import { requireWorkspace } from "@/lib/pages/require-workspace";
import { can } from "@/lib/permissions";
import { createPrefillSchema } from "@/lib/validations/create-prefill";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("studio.page");
  return { title: t("title") };
}

type SearchParams = Record<string, string | string[] | undefined>;

async function prefillFrom(viewer: Viewer, workspace: WorkspaceAccess, raw: SearchParams): Promise<StudioPrefill | undefined> {
  const q = createPrefillSchema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  if (q.remix) {
    const source = await getGeneration(viewer, workspace, q.remix);
    return source ? remixOf(source) : undefined;
  }
  if (q.prompt !== undefined || q.refs.length > 0) {
    return {
      prompt: q.prompt ?? "",
      size: q.size ?? "1024x1024",
      n: q.n ?? 1,
      references: await referencesByIds(workspace, q.refs),
      parentId: q.parent,
    };
  }
  return undefined;
}

export default async function CreatePage({ params, searchParams }: PageProps<"/w/[workspace]/create">) {
  const { viewer, workspace } = await requireWorkspace(params);
  const t = await getTranslations("studio.page");
  if (!can(workspace.role, "generation.create")) {
    return <EmptyState title={t("viewerTitle")}>{t("viewerBody", { workspace: workspace.name })}</EmptyState>;
  }
  const [generations, relay, prefill] = await Promise.all([
    listRecentGenerations(viewer, workspace),
    relayStatus(),
    prefillFrom(viewer, workspace, await searchParams),
  ]);
  return (
    <>
      <h1 className="mb-6 text-2xl font-semibold tracking-tight">{t("title")}</h1>
      <Studio
        workspace={workspace.slug}
        prefill={prefill}
        models={imageModels()}
        defaultModel={env.IMAGE_MODEL}
        maxImages={env.IMAGE_MAX_N}
        pricing={imageModels().map((model) => {
          const { honoursN, price } = modelProfile(model);
          return { model, honoursN, price };
        })}
        honoursSize={Object.fromEntries(imageModels().map((model) => [model, modelProfile(model).honoursSize]))}
        initialRecent={{ generations, relay }}
      />
    </>
  );
}
