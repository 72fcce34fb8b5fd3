"use client";

import { useCallback, useEffect, useReducer, useRef } from "react";
import { MAX_REFERENCE_IMAGES, type ImageSize } from "@/lib/validations/generation-limits";
import { parseStoredDraft } from "./stored-draft";

export interface ReferenceSlot {
  localId: string;
  fileName: string;
  /** A blob: preview while uploading, then the stored file's URL. */
  previewUrl: string;
  label: string;
  status: "uploading" | "ready";
  progress: number;
  assetId?: string;
}

export interface Draft {
  prompt: string;
  size: ImageSize;
  n: number;
  model: string;
  references: ReferenceSlot[];
  /** The shape hint's switch (used only for models that ignore `size`; on unless turned off). */
  shapeHint: boolean;
  /** The generation this one remixes, recorded as its parent. */
  parentId?: string;
}

export type DraftAction =
  | { type: "set"; patch: Partial<Omit<Draft, "references">> }
  | { type: "add"; slots: ReferenceSlot[] }
  | { type: "preview"; localId: string; previewUrl: string }
  | { type: "progress"; localId: string; progress: number }
  | { type: "uploaded"; localId: string; assetId: string; url: string }
  | { type: "remove"; localId: string }
  | { type: "move"; from: number; to: number }
  | { type: "label"; localId: string; label: string }
  | { type: "replace"; draft: Draft };

function reducer(state: Draft, e: DraftAction): Draft {
  const refs = state.references;
  switch (e.type) {
    case "set":
      return { ...state, ...e.patch };
    case "add":
      return { ...state, references: [...refs, ...e.slots].slice(0, MAX_REFERENCE_IMAGES) };
    case "preview":
      return { ...state, references: refs.map((r) => (r.localId === e.localId ? { ...r, previewUrl: e.previewUrl } : r)) };
    case "progress":
      return { ...state, references: refs.map((r) => (r.localId === e.localId ? { ...r, progress: e.progress } : r)) };
    case "uploaded":
      return {
        ...state,
        references: refs.map((r) =>
          r.localId === e.localId ? { ...r, status: "ready", progress: 1, assetId: e.assetId, previewUrl: e.url } : r,
        ),
      };
    case "remove":
      return { ...state, references: refs.filter((r) => r.localId !== e.localId) };
    case "move": {
      if (e.to < 0 || e.to >= refs.length || e.from === e.to) return state;
      const next = [...refs];
      const [item] = next.splice(e.from, 1);
      next.splice(e.to, 0, item!);
      return { ...state, references: next };
    }
    case "label":
      return { ...state, references: refs.map((r) => (r.localId === e.localId ? { ...r, label: e.label } : r)) };
    case "replace":
      return e.draft;
  }
}

const storageKey = (workspace: string) => `atelier:draft:${workspace}`;

/**
 * The Create form's state, kept in localStorage per workspace so that navigating away, reloading
 * or a failed request never loses the prompt and references. A `prefill` (a remix link) wins over
 * the stored draft once, then becomes the stored draft.
 */
export function useStudioDraft(workspace: string, initial: Draft, prefill?: Draft) {
  const [draft, dispatch] = useReducer(reducer, prefill ?? initial);
  const loaded = useRef(false);

  useEffect(() => {
    if (loaded.current) return;
    loaded.current = true;
    if (prefill) return;
    const stored = parseStoredDraft(localStorage.getItem(storageKey(workspace)));
    if (!stored) return;
    dispatch({
      type: "replace",
      draft: {
        ...stored,
        model: stored.model || initial.model,
        references: stored.references.map((r) => ({
          localId: r.assetId,
          assetId: r.assetId,
          fileName: r.fileName,
          previewUrl: r.url,
          label: r.label,
          status: "ready",
          progress: 1,
        })),
      },
    });
  }, [workspace, initial.model, prefill]);

  useEffect(() => {
    if (!loaded.current) return;
    const references = draft.references
      .filter((r) => r.status === "ready" && r.assetId)
      .map((r) => ({ assetId: r.assetId!, url: r.previewUrl, fileName: r.fileName, label: r.label }));
    localStorage.setItem(storageKey(workspace), JSON.stringify({ ...draft, references }));
  }, [draft, workspace]);

  const set = useCallback((patch: Partial<Omit<Draft, "references">>) => dispatch({ type: "set", patch }), []);
  return { draft, dispatch, set };
}
