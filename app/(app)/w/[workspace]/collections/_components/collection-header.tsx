"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { ConfirmDialog } from "@/components/gallery/confirm-dialog";
import { Button, buttonClass } from "@/components/ui/button";
import { useProblemText } from "@/components/ui/problem";
import { deleteCollectionAction } from "@/lib/actions/delete-collection";
import { renameCollectionAction } from "@/lib/actions/rename-collection";
import { workspaceUrls } from "@/lib/urls";
import { COLLECTION_NAME_MAX_LENGTH } from "@/lib/validations/gallery-filters";

interface Props {
  workspace: string;
  collection: { id: string; name: string; count: number };
  mayManage: boolean;
}

/** The collection's name, with rename (in place) and delete (confirmed) for those who manage collections. */
export function CollectionHeader({ workspace, collection, mayManage }: Props) {
  const router = useRouter();
  const t = useTranslations("gallery.collections");
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState("");
  const text = useProblemText();

  const rename = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setBusy(true);
    const name = String(new FormData(e.currentTarget).get("name") ?? "");
    try {
      const result = await renameCollectionAction(undefined, { workspace, collectionId: collection.id, name });
      setMessage(result.ok ? "" : (text(result.fieldProblems?.name?.[0]) ?? text(result.problem) ?? t("rename.failed")));
      if (result.ok) {
        setEditing(false);
        router.refresh();
      }
    } catch {
      setMessage(t("offline"));
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    setBusy(true);
    try {
      const result = await deleteCollectionAction(undefined, { workspace, collectionId: collection.id });
      if (result.ok) return router.replace(workspaceUrls.collections(workspace));
      setMessage(text(result.problem) ?? t("delete.failed"));
    } catch {
      setMessage(t("offline"));
    } finally {
      setBusy(false);
    }
    setConfirming(false);
  };

  return (
    <div className="mb-6 flex flex-wrap items-center gap-3">
      {editing ? (
        <form onSubmit={rename} className="flex flex-wrap items-center gap-2" aria-label={t("rename.label")}>
          <label htmlFor="collection-name" className="sr-only">
            {t("name")}
          </label>
          <input
            id="collection-name"
            name="name"
            defaultValue={collection.name}
            required
            maxLength={COLLECTION_NAME_MAX_LENGTH}
            autoFocus
            className="rounded-lg border border-ink/15 bg-paper-raised px-3 py-1.5 text-xl font-semibold"
          />
          <Button type="submit" disabled={busy}>
            {t("rename.save")}
          </Button>
          <Button type="button" variant="ghost" onClick={() => setEditing(false)}>
            {t("rename.cancel")}
          </Button>
        </form>
      ) : (
        <h1 className="text-2xl font-semibold tracking-tight" data-testid="collection-name">
          {collection.name}
        </h1>
      )}
      <span className="text-sm text-ink-muted">{t("count", { count: collection.count })}</span>
      {mayManage && !editing ? (
        <div className="ml-auto flex gap-2">
          <button type="button" onClick={() => setEditing(true)} className={buttonClass("secondary", "px-3 py-1.5")}>
            {t("rename.button")}
          </button>
          <button type="button" onClick={() => setConfirming(true)} className="rounded-lg px-3 py-1.5 text-sm font-medium text-danger hover:bg-danger-soft">
            {t("delete.button")}
          </button>
        </div>
      ) : null}
      <p role="status" aria-live="polite" className="basis-full text-sm text-danger empty:hidden">
        {message}
      </p>
      <ConfirmDialog
        open={confirming}
        title={t("delete.title", { name: collection.name })}
        confirmLabel={t("delete.button")}
        busy={busy}
        onConfirm={remove}
        onClose={() => setConfirming(false)}
      >
        {t("delete.body")}
      </ConfirmDialog>
    </div>
  );
}
