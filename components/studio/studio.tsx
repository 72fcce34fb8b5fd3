"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { LibraryPicker } from "@/components/workspace/library-picker";
import { workspaceKeys } from "@/components/workspace/query-keys";
import { useReferenceLibrary } from "@/components/workspace/use-reference-library";
import { createGenerationAction } from "@/lib/actions/create-generation";
import { retryGenerationAction } from "@/lib/actions/retry-generation";
import type { GenerationDTO } from "@/lib/data/dto";
import { MAX_REFERENCE_IMAGES } from "@/lib/validations/generation";
import { GenerationCard } from "./generation-card";
import { OptionsFields } from "./options-fields";
import { PromptField } from "./prompt-field";
import { remixOf, type StudioPrefill } from "./prefill";
import { generationKeys } from "./query-keys";
import { ReferencePicker } from "./reference-picker";
import { uploadReference } from "./upload";
import { useStudioDraft, type Draft, type ReferenceSlot } from "./use-studio-draft";

const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
const POLL_MS = 1500;

interface Props {
  workspace: string;
  prefill?: StudioPrefill;
  models: string[];
  defaultModel: string;
  maxImages: number;
  initialGenerations: GenerationDTO[];
}

async function fetchRecent(workspace: string): Promise<GenerationDTO[]> {
  const res = await fetch(`/api/w/${encodeURIComponent(workspace)}/generations`, { cache: "no-store" });
  if (!res.ok) throw new Error(`Could not load your generations (${res.status}).`);
  return ((await res.json()) as { generations: GenerationDTO[] }).generations;
}

const isPending = (g: GenerationDTO) => g.status === "QUEUED" || g.status === "RUNNING";

function draftFromPrefill(prefill: StudioPrefill, models: string[], defaultModel: string): Draft {
  return {
    prompt: prefill.prompt,
    size: prefill.size,
    n: prefill.n,
    model: prefill.model && models.includes(prefill.model) ? prefill.model : defaultModel,
    parentId: prefill.parentId,
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

export function Studio({ workspace, prefill, models, defaultModel, maxImages, initialGenerations }: Props) {
  const queryClient = useQueryClient();
  const router = useRouter();
  const [prefillDraft] = useState(() => (prefill ? draftFromPrefill(prefill, models, defaultModel) : undefined));
  const { draft, dispatch, set } = useStudioDraft(
    workspace,
    { prompt: "", size: "1024x1024", n: 1, model: defaultModel, references: [] },
    prefillDraft,
  );
  // The remix link has done its job once the draft holds it; a reload should show the draft.
  useEffect(() => {
    if (prefill) router.replace(`/w/${encodeURIComponent(workspace)}/create`, { scroll: false });
  }, [prefill, router, workspace]);
  const [notices, setNotices] = useState<string[]>([]);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  // One key per intended submission: a double click or a network retry makes one generation.
  const submissionKey = useRef<string | null>(null);
  // addFiles runs from event listeners; it reads the slots through a ref to count free ones.
  const refsRef = useRef(draft.references);
  useEffect(() => {
    refsRef.current = draft.references;
  }, [draft.references]);

  const library = useReferenceLibrary(workspace);

  const recent = useQuery({
    queryKey: generationKeys.recent(workspace),
    queryFn: () => fetchRecent(workspace),
    initialData: initialGenerations,
    refetchInterval: (q) => (q.state.data?.some(isPending) ? POLL_MS : false),
  });

  const addFiles = useCallback(
    (files: File[]) => {
      const messages: string[] = [];
      const free = MAX_REFERENCE_IMAGES - refsRef.current.length;
      const images = files.filter((f) => {
        if (f.size > MAX_UPLOAD_BYTES) {
          messages.push(`${f.name} is larger than 20 MB`);
          return false;
        }
        return true;
      });
      const accepted = images.slice(0, Math.max(0, free));
      for (const f of images.slice(accepted.length)) {
        messages.push(`Only ${MAX_REFERENCE_IMAGES} reference images fit: ${f.name} was not added.`);
      }
      setNotices(messages);
      const slots: ReferenceSlot[] = accepted.map((file) => ({
        localId: crypto.randomUUID(),
        fileName: file.name || "pasted image",
        previewUrl: URL.createObjectURL(file),
        label: "",
        status: "uploading",
        progress: 0,
      }));
      dispatch({ type: "add", slots });
      slots.forEach((slot, i) => {
        uploadReference(workspace, accepted[i]!, (progress) => dispatch({ type: "progress", localId: slot.localId, progress }))
          .then((asset) => {
            URL.revokeObjectURL(slot.previewUrl);
            dispatch({ type: "uploaded", localId: slot.localId, assetId: asset.id, url: asset.url });
          })
          .catch((e: Error) => {
            URL.revokeObjectURL(slot.previewUrl);
            dispatch({ type: "remove", localId: slot.localId });
            setNotices((prev) => [...prev, e.message]);
          });
      });
    },
    [dispatch, workspace],
  );

  // Paste an image anywhere on the page; text pastes into the prompt as usual.
  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => {
      const files = Array.from(e.clipboardData?.files ?? []).filter((f) => f.type.startsWith("image/"));
      if (files.length === 0) return;
      e.preventDefault();
      addFiles(files);
    };
    document.addEventListener("paste", onPaste);
    return () => document.removeEventListener("paste", onPaste);
  }, [addFiles]);

  const create = useMutation({
    mutationFn: async () => {
      submissionKey.current ??= crypto.randomUUID();
      const result = await createGenerationAction(undefined, {
        workspace,
        prompt: draft.prompt,
        size: draft.size,
        n: draft.n,
        model: draft.model,
        references: draft.references.map((r) => ({ assetId: r.assetId!, label: r.label || undefined })),
        idempotencyKey: submissionKey.current,
        parentId: draft.parentId,
      });
      return result;
    },
    onSuccess: (result) => {
      setFieldErrors(result.fieldErrors ?? {});
      if (!result.ok) return;
      submissionKey.current = null;
      const id = (result.data as { id: string }).id;
      // Show it at once, with its placeholders; the poll brings the real row.
      queryClient.setQueryData<GenerationDTO[]>(generationKeys.recent(workspace), (prev = []) =>
        prev.some((g) => g.id === id)
          ? prev
          : [
              {
                id,
                status: "QUEUED",
                prompt: draft.prompt.trim(),
                size: draft.size,
                n: draft.n,
                model: draft.model,
                createdAt: new Date().toISOString(),
                startedAt: null,
                finishedAt: null,
                error: null,
                references: [],
                images: [],
                parentId: draft.parentId ?? null,
                canRetry: false,
              },
              ...prev,
            ],
      );
      void queryClient.invalidateQueries({ queryKey: generationKeys.recent(workspace) });
      void queryClient.invalidateQueries({ queryKey: workspaceKeys.usage(workspace) });
    },
  });

  const retry = useMutation({
    mutationFn: (generationId: string) => retryGenerationAction(undefined, { workspace, generationId }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: generationKeys.recent(workspace) }),
  });

  const reuse = (g: GenerationDTO) => {
    dispatch({ type: "replace", draft: draftFromPrefill(remixOf(g), models, defaultModel) });
    window.scrollTo({ top: 0, behavior: "smooth" });
  };

  const uploading = draft.references.some((r) => r.status === "uploading");
  const message = create.data && !create.data.ok ? create.data.message : create.error ? "Could not reach the server. Your inputs are kept; try again." : undefined;
  const generations = recent.data ?? [];

  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,26rem)_minmax(0,1fr)]">
      <form
        className="space-y-6 self-start rounded-card border border-ink/10 bg-paper-raised p-5 lg:sticky lg:top-6"
        onSubmit={(e) => {
          e.preventDefault();
          if (!uploading && !create.isPending) create.mutate();
        }}
        aria-label="Create images"
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
          message={library.message}
        />
        {notices.length > 0 || fieldErrors.references ? (
          <ul aria-live="polite" className="space-y-1 rounded-lg bg-danger-soft px-3 py-2 text-sm text-danger" data-testid="reference-notices">
            {[...notices, ...(fieldErrors.references ?? [])].map((n, i) => (
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
        />
        <div aria-live="polite" className="min-h-5 text-sm text-danger" data-testid="create-message">
          {message}
        </div>
        <Button type="submit" className="w-full py-2.5" disabled={uploading || create.isPending}>
          {uploading ? "Uploading references…" : create.isPending ? "Sending…" : "Generate"}
        </Button>
      </form>

      <section aria-labelledby="recent-heading" className="space-y-4">
        <h2 id="recent-heading" className="text-lg font-semibold">
          Your recent generations
        </h2>
        {generations.length === 0 ? (
          <p className="rounded-card border border-dashed border-ink/15 px-6 py-12 text-center text-sm text-ink-muted">
            Nothing yet. Your images appear here as soon as you press Generate, and stay in the gallery.
          </p>
        ) : (
          generations.map((g) => (
            <GenerationCard
              key={g.id}
              generation={g}
              onRetry={(id) => retry.mutate(id)}
              onReuse={reuse}
              retrying={retry.isPending && retry.variables === g.id}
            />
          ))
        )}
        {retry.data && !retry.data.ok ? (
          <p role="alert" className="text-sm text-danger">
            {retry.data.message}
          </p>
        ) : null}
      </section>
    </div>
  );
}
