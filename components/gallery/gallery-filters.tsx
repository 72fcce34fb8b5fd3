"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRef, useTransition, type FormEvent } from "react";
import { appUrls } from "@/lib/urls";
import { IMAGE_SIZES } from "@/lib/validations/generation-limits";
import {
  formGalleryFilters,
  galleryFiltersToParams,
  isFiltered,
  REVIEW_FILTERS,
  SEARCH_MAX_LENGTH,
  type GalleryFilters as Filters,
  type ReviewFilter,
} from "@/lib/validations/gallery-filters";
import { shapeName } from "./size-text";

const control = "rounded-lg border border-ink/15 bg-paper-raised px-3 py-2 text-sm shadow-sm";

const REVIEW_KEY = { approved: "approved", "needs-changes": "needsChanges", unreviewed: "unreviewed" } as const satisfies Record<ReviewFilter, string>;

export interface MemberOption {
  userId: string;
  name: string;
}

interface Props {
  filters: Filters;
  showWho: boolean;
  /** A workspace gallery's members: offers the member and review filters (member only with two or more). */
  members?: MemberOption[];
}

/**
 * The filters are the page's search params, so a filtered view is a link. A plain GET form: it
 * works before hydration; after it, a changed choice applies at once and the search on Enter.
 */
export function GalleryFilters({ filters, showWho, members }: Props) {
  const router = useRouter();
  const t = useTranslations("gallery");
  const pathname = usePathname();
  const form = useRef<HTMLFormElement>(null);
  const [pending, startTransition] = useTransition();

  const apply = (e?: FormEvent, changed?: string | null) => {
    e?.preventDefault();
    if (!form.current) return;
    const data = new FormData(form.current);
    const next = formGalleryFilters(Object.fromEntries([...data.entries()].map(([k, v]) => [k, String(v)])));
    // "Mine" and one member are two ways to name an author: the one just chosen replaces the other,
    // rather than the two together matching nothing.
    if (changed === "member" && next.member) next.who = "everyone";
    if (changed === "who" && next.who === "me") next.member = undefined;
    const params = galleryFiltersToParams(next);
    startTransition(() => router.replace(appUrls.checked(pathname, params), { scroll: false }));
  };

  return (
    <form
      ref={form}
      role="search"
      aria-label={t("filters.label")}
      method="get"
      onSubmit={apply}
      onChange={(e) => {
        const target = e.target as HTMLElement;
        if (target.getAttribute("type") !== "search") apply(undefined, target.getAttribute("name"));
      }}
      aria-busy={pending}
      className="mb-6 flex flex-wrap items-center gap-2"
      data-testid="gallery-filters"
    >
      <label htmlFor="gallery-q" className="sr-only">
        {t("filters.search")}
      </label>
      <input
        id="gallery-q"
        key={filters.q ?? ""}
        type="search"
        name="q"
        defaultValue={filters.q}
        maxLength={SEARCH_MAX_LENGTH}
        placeholder={t("filters.search")}
        className={`${control} min-w-48 flex-1`}
      />
      {showWho ? (
        <select name="who" defaultValue={filters.who} key={`who-${filters.who}`} aria-label={t("filters.whose")} className={control}>
          <option value="everyone">{t("filters.everyone")}</option>
          <option value="me">{t("filters.mine")}</option>
        </select>
      ) : null}
      {members && members.length > 1 ? (
        <select name="member" defaultValue={filters.member ?? ""} key={`member-${filters.member}`} aria-label={t("filters.member")} className={control}>
          <option value="">{t("filters.everyMember")}</option>
          {members.map((m) => (
            <option key={m.userId} value={m.userId}>
              {m.name}
            </option>
          ))}
        </select>
      ) : null}
      {members ? (
        <select name="review" defaultValue={filters.review ?? ""} key={`review-${filters.review}`} aria-label={t("filters.review")} className={control}>
          <option value="">{t("filters.anyReview")}</option>
          {REVIEW_FILTERS.map((r) => (
            <option key={r} value={r}>
              {t(`review.${REVIEW_KEY[r]}`)}
            </option>
          ))}
        </select>
      ) : null}
      <select name="size" defaultValue={filters.size ?? ""} key={`size-${filters.size}`} aria-label={t("filters.size")} className={control}>
        <option value="">{t("filters.anySize")}</option>
        {IMAGE_SIZES.map((s) => (
          <option key={s} value={s}>
            {t("filters.sizeOption", { shape: shapeName(t, s) ?? "", size: s.replace("x", "×") })}
          </option>
        ))}
      </select>
      <select name="status" defaultValue={filters.status} key={`status-${filters.status}`} aria-label={t("filters.status")} className={control}>
        <option value="done">{t("filters.done")}</option>
        <option value="failed">{t("filters.failed")}</option>
        <option value="all">{t("filters.all")}</option>
      </select>
      <label className={`${control} flex cursor-pointer items-center gap-2 has-checked:border-accent has-checked:bg-accent-soft`}>
        <input type="checkbox" name="favorites" value="1" defaultChecked={filters.favorites} key={`fav-${filters.favorites}`} className="size-4 accent-accent" />
        {t("filters.favourites")}
      </label>
      <button type="submit" className="rounded-lg bg-ink px-4 py-2 text-sm font-medium text-white hover:bg-ink-soft">
        {t("filters.submit")}
      </button>
      {isFiltered(showWho ? filters : { ...filters, who: "everyone" }) ? (
        <Link href={appUrls.checked(pathname)} scroll={false} className="rounded-lg px-3 py-2 text-sm font-medium text-ink-soft hover:bg-ink/5">
          {t("filters.clear")}
        </Link>
      ) : null}
      {pending ? <span className="text-sm text-ink-muted">{t("filters.updating")}</span> : null}
    </form>
  );
}
