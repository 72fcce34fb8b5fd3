"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { useLiveOpen } from "@/components/live/use-live-state";
import { fetchActivity, workspaceKeys } from "@/lib/client-data/workspace";
import type { ActivityItemDTO } from "@/lib/data/activity";
import { workspaceUrls } from "@/lib/urls";
import { REVIEW_FILTERS, type ReviewFilter } from "@/lib/validations/gallery-filters";

// While the live stream is not open: frequent enough that a teammate's new generation shows up while you watch.
const POLL_MS = 3_000;

const REVIEW_KEY = { approved: "approved", "needs-changes": "needsChanges", unreviewed: "unreviewed" } as const satisfies Record<ReviewFilter, string>;

const selectClass = "rounded-lg border border-ink/15 bg-paper-raised px-2 py-1.5 text-sm";

interface Props {
  workspace: string;
  initialItems: ActivityItemDTO[];
  members: { userId: string; name: string }[];
}

export function ActivityFeed({ workspace, initialItems, members }: Props) {
  const t = useTranslations("gallery");
  const format = useFormatter();
  const [review, setReview] = useState<ReviewFilter | "">("");
  const [member, setMember] = useState("");
  const filter = { review: review || undefined, member: member || undefined };
  const unfiltered = !review && !member;
  const live = useLiveOpen();
  const { data, error } = useQuery({
    queryKey: workspaceKeys.activity(workspace, filter),
    queryFn: () => fetchActivity(workspace, filter),
    initialData: unfiltered ? initialItems : undefined,
    refetchInterval: live ? false : POLL_MS,
  });
  const items = data ?? [];

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3" role="group" aria-label={t("activity.filters")}>
        <select aria-label={t("activity.byReview")} value={review} onChange={(e) => setReview(e.target.value as ReviewFilter | "")} className={selectClass}>
          <option value="">{t("activity.anyReview")}</option>
          {REVIEW_FILTERS.map((r) => (
            <option key={r} value={r}>
              {t(`review.${REVIEW_KEY[r]}`)}
            </option>
          ))}
        </select>
        <select aria-label={t("activity.byMember")} value={member} onChange={(e) => setMember(e.target.value)} className={selectClass}>
          <option value="">{t("activity.everyone")}</option>
          {members.map((m) => (
            <option key={m.userId} value={m.userId}>
              {m.name}
            </option>
          ))}
        </select>
        {error ? (
          <p role="alert" className="text-sm text-danger">
            {t("activity.loadError")}
          </p>
        ) : null}
      </div>

      {items.length === 0 ? (
        <p className="rounded-card border border-dashed border-ink/15 px-6 py-12 text-center text-sm text-ink-muted">
          {t(unfiltered ? "activity.empty" : "activity.filteredEmpty")}
        </p>
      ) : (
        <ul className="space-y-3" aria-label={t("activity.list")}>
          {items.map((g) => (
            <li key={g.id} className="rounded-card border border-ink/10 bg-paper-raised p-4" data-testid="activity-item" data-status={g.status}>
              <div className="flex flex-wrap items-center gap-2 text-xs text-ink-muted">
                <span className="font-medium text-ink" data-testid="activity-author">
                  {g.author}
                </span>
                <span>·</span>
                <time dateTime={g.createdAt}>{format.dateTime(new Date(g.createdAt), "dateTime")}</time>
                <span className="rounded-full bg-ink/5 px-2 py-0.5 font-medium text-ink-soft">{t(`activity.status.${g.status}`)}</span>
                {g.reviewStatus ? (
                  <span className="rounded-full bg-accent-soft px-2 py-0.5 font-medium text-accent">
                    {t(g.reviewStatus === "APPROVED" ? "review.approved" : "review.needsChanges")}
                  </span>
                ) : null}
                <Link href={workspaceUrls.generation(workspace, g.id)} className="ml-auto font-medium text-accent hover:underline">
                  {g.commentCount > 0 ? t("activity.discussCount", { count: g.commentCount }) : t("activity.discuss")}{" "}
                  <span className="sr-only">{t("activity.discussSubject", { prompt: g.prompt.slice(0, 60) })}</span>
                </Link>
              </div>
              <p className="mt-2 line-clamp-2 text-sm" title={g.prompt}>
                {g.prompt}
              </p>
              {g.images.length > 0 ? (
                <ul className="mt-3 grid grid-cols-3 gap-2 sm:grid-cols-6">
                  {g.images.map((img, i) => (
                    <li key={img.id}>
                      <a href={img.url} target="_blank" rel="noreferrer" className="block overflow-hidden rounded-lg bg-paper-sunk">
                        {/* eslint-disable-next-line @next/next/no-img-element -- auth-checked files, already thumbnailed */}
                        <img
                          src={img.thumbUrl}
                          alt={t("activity.result", { index: i + 1, prompt: g.prompt.slice(0, 60) })}
                          width={img.width}
                          height={img.height}
                          style={{ aspectRatio: `${img.width} / ${img.height}` }}
                          className="h-auto w-full object-cover"
                          loading="lazy"
                        />
                      </a>
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
