"use client";

import { useCallback, useEffect, useRef, useState, type Dispatch } from "react";
import { downsizePhoto } from "@/lib/client-data/downsize-photo";
import { UploadError, uploadReference } from "@/lib/client-data/uploads";
import type { Problem } from "@/lib/i18n/problems";
import { MAX_UPLOAD_BYTES } from "@/lib/images/limits";
import { MAX_REFERENCE_IMAGES } from "@/lib/validations/generation-limits";
import type { DraftAction, ReferenceSlot } from "./use-studio-draft";

const MAX_UPLOAD_MB = MAX_UPLOAD_BYTES / (1024 * 1024);

/**
 * Files dropped, picked or pasted become reference slots that upload at once (with progress);
 * what does not fit or fails is said in `notices` (codes, rendered in the viewer's language).
 * Pasting an image anywhere on the page adds it; one pasted without a name is called `pastedName`.
 */
export function useReferenceUploads(workspace: string, references: ReferenceSlot[], dispatch: Dispatch<DraftAction>, pastedName: string) {
  const [notices, setNotices] = useState<Problem[]>([]);
  // addFiles runs from event listeners; it reads the slots through a ref to count free ones.
  const refsRef = useRef(references);
  useEffect(() => {
    refsRef.current = references;
  }, [references]);

  const addFiles = useCallback(
    (files: File[]) => {
      const messages: Problem[] = [];
      const free = MAX_REFERENCE_IMAGES - refsRef.current.length;
      const images = files.filter((f) => {
        if (f.size > MAX_UPLOAD_BYTES) {
          messages.push({ code: "studio.upload.tooLarge", params: { name: f.name, mb: MAX_UPLOAD_MB } });
          return false;
        }
        return true;
      });
      const accepted = images.slice(0, Math.max(0, free));
      for (const f of images.slice(accepted.length)) {
        messages.push({ code: "studio.upload.noRoom", params: { max: MAX_REFERENCE_IMAGES, name: f.name } });
      }
      setNotices(messages);
      const slots: ReferenceSlot[] = accepted.map((file) => ({
        localId: crypto.randomUUID(),
        fileName: file.name || pastedName,
        // Shown once the photo is downsized: a blob URL of the 12 MP original would have the page
        // decode it again just to fill a tile, beside the downsizing and the upload.
        previewUrl: "",
        label: "",
        status: "uploading",
        progress: 0,
      }));
      dispatch({ type: "add", slots });
      slots.forEach((slot, i) => {
        let previewUrl = "";
        downsizePhoto(accepted[i]!)
          .then((file) => {
            previewUrl = URL.createObjectURL(file);
            dispatch({ type: "preview", localId: slot.localId, previewUrl });
            return uploadReference(workspace, file, (progress) => dispatch({ type: "progress", localId: slot.localId, progress }));
          })
          .then((asset) => {
            URL.revokeObjectURL(previewUrl);
            dispatch({ type: "uploaded", localId: slot.localId, assetId: asset.id, url: asset.url });
          })
          .catch((e: unknown) => {
            if (previewUrl) URL.revokeObjectURL(previewUrl);
            dispatch({ type: "remove", localId: slot.localId });
            const p: Problem = e instanceof UploadError ? e.problem : { code: "studio.upload.connection", params: { name: slot.fileName } };
            setNotices((prev) => [...prev, p]);
          });
      });
    },
    [dispatch, workspace, pastedName],
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

  return { addFiles, notices };
}
