"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useRef, useTransition, type FormEvent } from "react";
import { appUrls } from "@/lib/urls";
import { IMAGE_SIZES, SIZE_CHOICES } from "@/lib/validations/generation-limits";
import { REVIEW_FILTERS, type ReviewFilter } from "@/lib/validations/workspace";
import {
  galleryFiltersToParams,
  isFiltered,
  parseGalleryFilters,
  SEARCH_MAX_LENGTH,
  type GalleryFilters as Filters,
} from "@/lib/validations/gallery";

const control = "rounded-lg border border-ink/15 bg-paper-raised px-3 py-2 text-sm shadow-sm";

const REVIEW_LABEL: Record<ReviewFilter, string> = { approved: "Approved", "needs-changes": "Needs changes", unreviewed: "Not reviewed" };

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
  const pathname = usePathname();
  const form = useRef<HTMLFormElement>(null);
  const [pending, startTransition] = useTransition();

  const apply = (e?: FormEvent, changed?: string | null) => {
    e?.preventDefault();
    if (!form.current) return;
    const data = new FormData(form.current);
    const next = parseGalleryFilters(Object.fromEntries([...data.entries()].map(([k, v]) => [k, String(v)])));
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
      aria-label="Filter the gallery"
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
        Search prompts
      </label>
      <input
        id="gallery-q"
        key={filters.q ?? ""}
        type="search"
        name="q"
        defaultValue={filters.q}
        maxLength={SEARCH_MAX_LENGTH}
        placeholder="Search prompts"
        className={`${control} min-w-48 flex-1`}
      />
      {showWho ? (
        <select name="who" defaultValue={filters.who} key={`who-${filters.who}`} aria-label="Whose images" className={control}>
          <option value="everyone">Everyone’s</option>
          <option value="me">Mine</option>
        </select>
      ) : null}
      {members && members.length > 1 ? (
        <select name="member" defaultValue={filters.member ?? ""} key={`member-${filters.member}`} aria-label="Member" className={control}>
          <option value="">Every member</option>
          {members.map((m) => (
            <option key={m.userId} value={m.userId}>
              {m.name}
            </option>
          ))}
        </select>
      ) : null}
      {members ? (
        <select name="review" defaultValue={filters.review ?? ""} key={`review-${filters.review}`} aria-label="Review status" className={control}>
          <option value="">Any review</option>
          {REVIEW_FILTERS.map((r) => (
            <option key={r} value={r}>
              {REVIEW_LABEL[r]}
            </option>
          ))}
        </select>
      ) : null}
      <select name="size" defaultValue={filters.size ?? ""} key={`size-${filters.size}`} aria-label="Size" className={control}>
        <option value="">Any size</option>
        {IMAGE_SIZES.map((s) => (
          <option key={s} value={s}>
            {SIZE_CHOICES[s].label} {s.replace("x", "×")}
          </option>
        ))}
      </select>
      <select name="status" defaultValue={filters.status} key={`status-${filters.status}`} aria-label="Status" className={control}>
        <option value="done">Finished</option>
        <option value="failed">Failed</option>
        <option value="all">Finished and failed</option>
      </select>
      <label className={`${control} flex cursor-pointer items-center gap-2 has-checked:border-accent has-checked:bg-accent-soft`}>
        <input type="checkbox" name="favorites" value="1" defaultChecked={filters.favorites} key={`fav-${filters.favorites}`} className="size-4 accent-accent" />
        Favourites
      </label>
      <button type="submit" className="rounded-lg bg-ink px-4 py-2 text-sm font-medium text-white hover:bg-ink-soft">
        Search
      </button>
      {isFiltered(showWho ? filters : { ...filters, who: "everyone" }) ? (
        <Link href={appUrls.checked(pathname)} scroll={false} className="rounded-lg px-3 py-2 text-sm font-medium text-ink-soft hover:bg-ink/5">
          Clear filters
        </Link>
      ) : null}
      {pending ? <span className="text-sm text-ink-muted">Updating…</span> : null}
    </form>
  );
}
