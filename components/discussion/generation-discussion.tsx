"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { useFieldProblems, useProblemText } from "@/components/ui/problem";
import { addCommentAction } from "@/lib/actions/add-comment";
import type { ActionInput, ActionState } from "@/lib/actions/action";
import { setReviewAction } from "@/lib/actions/set-review";
import type { DiscussionDTO } from "@/lib/data/comments";
import { COMMENT_MAX_LENGTH } from "@/lib/validations/workspace";

export interface GenerationDiscussionProps {
  /** The workspace's slug. */
  workspace: string;
  /**
   * From `getGenerationDiscussion(viewer, workspace, generationId)` (lib/data/comments.ts) on the
   * server. Give the component `key={generationId}` when one view switches between generations.
   */
  discussion: DiscussionDTO;
  /** Told of every stored change, so a list showing this generation can update its badges. */
  onChange?: (discussion: DiscussionDTO) => void;
}

type DiscussionAction = (
  prev: ActionState<DiscussionDTO | null> | undefined,
  input: ActionInput,
) => Promise<ActionState<DiscussionDTO | null>>;

const REVIEW_KEY = { APPROVED: "approved", NEEDS_CHANGES: "needsChanges" } as const;
// An @mention as typed in a comment: syntax, the same in every language.
const mention = (name: string) => `@${name}`;
const REVIEW_STYLE = { APPROVED: "bg-success-soft text-success", NEEDS_CHANGES: "bg-danger-soft text-danger" } as const;

/**
 * Comments (with @mentions) and the review status of one generation. Every change answers with the
 * whole discussion from the server, which replaces the local copy: what is shown is what is stored.
 */
export function GenerationDiscussion({ workspace, discussion: initial, onChange }: GenerationDiscussionProps) {
  const t = useTranslations("gallery");
  const format = useFormatter();
  const at = (iso: string) => format.dateTime(new Date(iso), "dateTime");
  const [discussion, setDiscussion] = useState(initial);
  const adopt =
    (run: DiscussionAction): DiscussionAction =>
    async (prev, input) => {
      const result = await run(prev, input);
      if (result.ok && result.data) {
        setDiscussion(result.data);
        onChange?.(result.data);
      }
      return result;
    };
  const [commentState, comment, commenting] = useActionState(adopt(addCommentAction), undefined);
  const [reviewState, review, reviewing] = useActionState(adopt(setReviewAction), undefined);
  const { review: current, comments } = discussion;
  const text = useProblemText();
  const commentField = useFieldProblems(commentState?.fieldProblems);
  // Said in the viewer's language from what the server stored, not from the action's own words.
  const reviewNotice = !reviewState
    ? null
    : reviewState.ok
      ? t(reviewState.data?.review ? `discussion.marked.${reviewState.data.review.status}` : "discussion.marked.cleared")
      : text(reviewState.problem);

  return (
    <section aria-labelledby={`discussion-${discussion.generationId}`} className="space-y-5" data-testid="generation-discussion">
      <div className="flex flex-wrap items-center gap-3">
        <h2 id={`discussion-${discussion.generationId}`} className="text-lg font-semibold">
          {t("discussion.heading")}
        </h2>
        <span
          className={`rounded-full px-2.5 py-0.5 text-xs font-medium ${current ? REVIEW_STYLE[current.status] : "bg-ink/5 text-ink-soft"}`}
          data-testid="review-status"
        >
          {t(current ? `review.${REVIEW_KEY[current.status]}` : "review.unreviewed")}
        </span>
        {current?.reviewedBy ? (
          <span className="text-xs text-ink-muted">
            {current.reviewedAt
              ? t("discussion.byAt", { name: current.reviewedBy, when: at(current.reviewedAt) })
              : t("discussion.by", { name: current.reviewedBy })}
          </span>
        ) : null}
      </div>

      {discussion.canReview ? (
        <form action={review} className="flex flex-wrap items-center gap-2" aria-label={t("discussion.reviewForm")}>
          <input type="hidden" name="workspace" value={workspace} />
          <input type="hidden" name="generationId" value={discussion.generationId} />
          <Button type="submit" name="status" value="APPROVED" variant="secondary" disabled={reviewing} aria-pressed={current?.status === "APPROVED"}>
            {t("discussion.approve")}
          </Button>
          <Button
            type="submit"
            name="status"
            value="NEEDS_CHANGES"
            variant="secondary"
            disabled={reviewing}
            aria-pressed={current?.status === "NEEDS_CHANGES"}
          >
            {t("discussion.needsChanges")}
          </Button>
          {current ? (
            <Button type="submit" name="status" value="" variant="ghost" disabled={reviewing}>
              {t("discussion.clear")}
            </Button>
          ) : null}
          <span aria-live="polite" role="status" className={`text-sm ${reviewState?.ok === false ? "text-danger" : "text-ink-muted"}`}>
            {reviewNotice}
          </span>
        </form>
      ) : null}

      {comments.length === 0 ? (
        <p className="text-sm text-ink-muted">{t("discussion.none")}</p>
      ) : (
        <ol className="space-y-3" aria-label={t("discussion.list")}>
          {comments.map((c) => (
            <li key={c.id} className="rounded-lg border border-ink/10 bg-paper-raised px-4 py-3" data-testid="comment">
              <p className="text-xs text-ink-muted">
                <span className="font-medium text-ink">{c.author?.name ?? t("discussion.formerMember")}</span> ·{" "}
                <time dateTime={c.createdAt}>{at(c.createdAt)}</time>
              </p>
              <p className="mt-1 whitespace-pre-wrap break-words text-sm">{c.body}</p>
              {c.mentions.length > 0 ? (
                <p className="mt-2 flex flex-wrap gap-1 text-xs" aria-label={t("discussion.mentioned")}>
                  {c.mentions.map((m) => (
                    <span key={m.id} className="rounded-full bg-accent-soft px-2 py-0.5 font-medium text-accent" data-testid="comment-mention">
                      {mention(m.name)}
                    </span>
                  ))}
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      )}

      {discussion.canComment ? (
        <form action={comment} className="space-y-2" aria-label={t("discussion.addForm")}>
          <input type="hidden" name="workspace" value={workspace} />
          <input type="hidden" name="generationId" value={discussion.generationId} />
          <label htmlFor={`comment-${discussion.generationId}`} className="block text-sm font-medium text-ink-soft">
            {t("discussion.comment")}
          </label>
          <textarea
            id={`comment-${discussion.generationId}`}
            name="body"
            rows={3}
            maxLength={COMMENT_MAX_LENGTH}
            required
            defaultValue={commentState?.ok === false ? commentState.values?.body : undefined}
            aria-describedby={`comment-hint-${discussion.generationId}`}
            aria-invalid={commentState?.fieldProblems?.body ? true : undefined}
            className="block w-full rounded-lg border border-ink/15 bg-paper-raised px-3 py-2 text-sm shadow-sm aria-invalid:border-danger"
          />
          <p id={`comment-hint-${discussion.generationId}`} className="text-xs text-ink-muted">
            {t("discussion.hint")}
          </p>
          <FormMessage message={commentState?.ok === false ? (commentField("body")?.[0] ?? text(commentState.problem)) : undefined} />
          <Button type="submit" disabled={commenting}>
            {t(commenting ? "discussion.posting" : "discussion.post")}
          </Button>
        </form>
      ) : (
        <p className="text-sm text-ink-muted">{t("discussion.readOnly")}</p>
      )}
    </section>
  );
}
