"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { useFieldProblems, useProblemText } from "@/components/ui/problem";
import type { RecentGenerations } from "@/lib/client-data/generations";
import type { GenerationDTO } from "@/lib/data/dto";
import { workspaceUrls } from "@/lib/urls";
import { MAX_REFERENCE_IMAGES } from "@/lib/validations/generation-limits";
import { shapeHint } from "@/lib/validations/size";
import type { ModelPricing } from "@/lib/usage/estimate";
import { CreateEstimate } from "./create-estimate";
import { GenerationCard } from "./generation-card";
import { LibraryPicker } from "./library-picker";
import { OptionsFields } from "./options-fields";
import { PromptField } from "./prompt-field";
import { remixOf, type StudioPrefill } from "./prefill";
import { ReferencePicker } from "./reference-picker";
import { useCreateGeneration } from "./use-create-generation";
import { useRecentGenerations } from "./use-recent-generations";
import { useReferenceLibrary } from "./use-reference-library";
import { useReferenceUploads } from "./use-reference-uploads";
import { useStudioDraft, type Draft } from "./use-studio-draft";

interface Props {
  workspace: string;
  prefill?: StudioPrefill;
  models: string[];
  defaultModel: string;
  maxImages: number;
  /** Per offered model: whether it honours n, and its price (null: counts without money). */
  pricing: ModelPricing[];
  /** Per offered model: whether the relay honours `size` (when not, the form offers the shape hint). */
  honoursSize: Record<string, boolean>;
  initialRecent: RecentGenerations;
}

function draftFromPrefill(prefill: StudioPrefill, models: string[], defaultModel: string): Draft {
  return {
    prompt: prefill.prompt,
    size: prefill.size,
    n: prefill.n,
    model: prefill.model && models.includes(prefill.model) ? prefill.model : defaultModel,
    parentId: prefill.parentId,
    shapeHint: true,
    references: prefill.references.map((r) => ({
      localId: crypto.randomUUID(),
      assetId: r.assetId,
      fileName: r.fileName,
      previewUrl: r.url,
      label: r.label ?? "",
      status: "ready",
      progress: 1,
    })),
  };
}

export function Studio({ workspace, prefill, models, defaultModel, maxImages, pricing, honoursSize, initialRecent }: Props) {
  const t = useTranslations("studio");
  const text = useProblemText();
  const router = useRouter();
  const [prefillDraft] = useState(() => (prefill ? draftFromPrefill(prefill, models, defaultModel) : undefined));
  const { draft, dispatch, set } = useStudioDraft(
    workspace,
    { prompt: "", size: "1024x1024", n: 1, model: defaultModel, references: [], shapeHint: true },
    prefillDraft,
  );
  // The remix link has done its job once the draft holds it; a reload should show the draft.
  useEffect(() => {
    if (prefill) router.replace(workspaceUrls.create(workspace), { scroll: false });
  }, [prefill, router, workspace]);

  const library = useReferenceLibrary(workspace);
  const { addFiles, notices } = useReferenceUploads(workspace, draft.references, dispatch, t("references.pastedName"));
  const recent = useRecentGenerations(workspace, initialRecent);
  const create = useCreateGeneration(workspace, draft);
  const fieldText = useFieldProblems(create.fieldProblems);
  const fieldErrors = {
    prompt: fieldText("prompt"),
    references: fieldText("references"),
    size: fieldText("size"),
    n: fieldText("n"),
    model: fieldText("model"),
  };
  const createMessage = create.unreachable ? t("form.unreachable") : text(create.problem);

  const reuse = (g: GenerationDTO) => {
    dispatch({ type: "replace", draft: draftFromPrefill(remixOf(g), models, defaultModel) });
    window.scrollTo({ top: 0, behavior: "smooth" });
  };

  const uploading = draft.references.some((r) => r.status === "uploading");
  const { generations } = recent;

  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,26rem)_minmax(0,1fr)]">
      <form
        className="space-y-6 self-start rounded-card border border-ink/10 bg-paper-raised p-5 lg:sticky lg:top-6"
        onSubmit={(e) => {
          e.preventDefault();
          if (!uploading && !create.pending) create.submit();
        }}
        aria-label={t("form.label")}
      >
        <ReferencePicker
          references={draft.references}
          dispatch={dispatch}
          onFiles={addFiles}
          pinnedIds={library.pinnedIds}
          onPin={(slot) => library.pin(slot.assetId!, slot.label || slot.fileName)}
          pinning={library.pinning}
        />
        <LibraryPicker
          items={library.items}
          inSlots={new Set(draft.references.flatMap((r) => (r.assetId ? [r.assetId] : [])))}
          full={draft.references.length >= MAX_REFERENCE_IMAGES}
          onAdd={(item) =>
            dispatch({
              type: "add",
              slots: [
                { localId: crypto.randomUUID(), assetId: item.assetId, fileName: item.name, previewUrl: item.url, label: "", status: "ready", progress: 1 },
              ],
            })
          }
          onUnpin={library.unpin}
          message={library.problem ? text(library.problem) : library.unreadable ? t("library.unreadable") : undefined}
        />
        {notices.length > 0 || fieldErrors.references ? (
          <ul aria-live="polite" className="space-y-1 rounded-lg bg-danger-soft px-3 py-2 text-sm text-danger" data-testid="reference-notices">
            {[...notices.map((n) => text(n)), ...(fieldErrors.references ?? [])].map((n, i) => (
              <li key={i}>{n}</li>
            ))}
          </ul>
        ) : null}
        <PromptField
          value={draft.prompt}
          onChange={(prompt) => set({ prompt })}
          filledSlots={draft.references.length}
          errors={fieldErrors.prompt}
        />
        <OptionsFields
          size={draft.size}
          n={draft.n}
          model={draft.model}
          models={models}
          maxImages={maxImages}
          onChange={set}
          errors={fieldErrors}
          shapeHint={
            honoursSize[draft.model] === false
              ? { on: draft.shapeHint, text: shapeHint(draft.size, draft.prompt.trim()), onToggle: (on) => set({ shapeHint: on }) }
              : null
          }
        />
        <CreateEstimate workspace={workspace} n={draft.n} pricing={pricing.find((p) => p.model === draft.model)} />
        <p aria-live="polite" className="text-sm text-ink-muted empty:hidden" data-testid="relay-notice">
          {recent.relayStruggling ? t("form.relayStruggling") : null}
        </p>
        <div aria-live="polite" className="min-h-5 text-sm text-danger" data-testid="create-message">
          {createMessage}
        </div>
        <Button type="submit" className="w-full py-2.5" disabled={uploading || create.pending}>
          {uploading ? t("form.uploading") : create.pending ? t("form.sending") : t("form.generate")}
        </Button>
      </form>

      <section aria-labelledby="recent-heading" className="space-y-4">
        <h2 id="recent-heading" className="text-lg font-semibold">
          {t("recent.heading")}
        </h2>
        {generations.length === 0 ? (
          <p className="rounded-card border border-dashed border-ink/15 px-6 py-12 text-center text-sm text-ink-muted">
            {t("recent.empty")}
          </p>
        ) : (
          generations.map((g) => (
            <GenerationCard
              key={g.id}
              generation={g}
              onRetry={recent.retry}
              onReuse={reuse}
              retrying={recent.retryingId === g.id}
              onCancel={recent.cancel}
              cancelling={recent.cancellingId === g.id}
            />
          ))
        )}
        {recent.retryProblem ? (
          <p role="alert" className="text-sm text-danger">
            {text(recent.retryProblem)}
          </p>
        ) : null}
      </section>
    </div>
  );
}
