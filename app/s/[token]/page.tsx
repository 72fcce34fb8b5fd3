import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { cookies } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { buttonClass } from "@/components/ui/button";
import { getViewer } from "@/lib/auth";
import { getSharedContent, recordShareView, type SharedContentDTO } from "@/lib/data/share/content";
import { resolveShareLink, type ShareAccess } from "@/lib/data/share/shared-access";
import { SHARE_PAGE_PROOF_COOKIE, shareUrl } from "@/lib/data/share/tokens";
import { env } from "@/lib/env";
import { appUrls } from "@/lib/urls";
import { sharePageSchema } from "@/lib/validations/share";
import { RemixButton } from "./_components/remix-button";
import { GenerationFacts, SharedGeneration } from "./_components/shared-generation";
import { UnlockForm } from "./_components/unlock-form";

type Props = PageProps<"/s/[token]">;

// generateMetadata and the page both ask; React's cache makes each one read per request.
const loadShare = cache(async (token: string): Promise<ShareAccess> => {
  const proof = (await cookies()).get(SHARE_PAGE_PROOF_COOKIE)?.value;
  return resolveShareLink(token, proof);
});
const loadContent = cache(getSharedContent);

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

// Share links are unlisted: keep them out of search engines, and keep the token out of Referer headers.
const UNLISTED = { robots: { index: false, follow: false }, referrer: "no-referrer" } satisfies Metadata;

type MetaText = Awaited<ReturnType<typeof getTranslations<"share.meta">>>;

function describe(t: MetaText, content: SharedContentDTO): string {
  const first = content.generations[0];
  if (content.target === "GENERATION" && first) {
    const prompt = clip(first.prompt, 160);
    return first.creatorName ? t("generation", { prompt, creator: first.creatorName }) : t("generationAnonymous", { prompt });
  }
  return content.sharedBy ? t("gallery", { sharer: content.sharedBy }) : t("galleryAnonymous");
}

/** In the visitor's language (lib/i18n/locale.ts), like the page: a link previews in the language of whoever opens it. */
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ token }, t] = await Promise.all([params, getTranslations("share.meta")]);
  const access = await loadShare(token);
  if (access.status === "not-found") return { ...UNLISTED, title: t("notAvailable") };
  if (access.status === "locked") {
    // A protected link gives nothing away in its preview: no prompt, no image, no name.
    const title = t("lockedTitle");
    const description = t("lockedDescription");
    return {
      ...UNLISTED,
      title,
      description,
      openGraph: { type: "website", siteName: "Atelier", title, description },
      twitter: { card: "summary", title, description },
    };
  }
  const content = await loadContent(access.link, 1);
  const first = content.generations[0];
  const image = first?.images[0];
  const title = clip(content.title ?? t("untitled", { target: content.target }), 70);
  const description = describe(t, content);
  // Crawlers need an absolute URL; the file answers through the token like any other visitor's request.
  const images =
    first && image
      ? [{ url: new URL(image.url, env.APP_URL).toString(), width: image.width, height: image.height, alt: clip(first.prompt, 120) }]
      : [];
  return {
    ...UNLISTED,
    title,
    description,
    openGraph: { type: "website", siteName: "Atelier", url: shareUrl(token), title, description, images },
    twitter: { card: images.length ? "summary_large_image" : "summary", title, description, images: images.map((i) => i.url) },
  };
}

export default async function SharePage({ params, searchParams }: Props) {
  const [{ token }, t] = await Promise.all([params, getTranslations("share")]);
  const access = await loadShare(token);
  if (access.status === "not-found") notFound();
  if (access.status === "locked") {
    return (
      <div className="mx-auto max-w-sm rounded-card border border-ink/10 bg-paper-raised p-6">
        <h1 className="text-xl font-semibold tracking-tight">{t("locked.title")}</h1>
        <p className="mt-2 mb-5 text-sm text-ink-muted">{t("locked.body")}</p>
        <UnlockForm token={token} />
      </div>
    );
  }

  const page = sharePageSchema.parse((await searchParams).page);
  const [content, viewer] = await Promise.all([loadContent(access.link, page), getViewer()]);
  const first = content.generations[0];
  // A page past the end of a gallery is as missing as a dead link.
  if (!first && (page > 1 || content.target === "GENERATION")) notFound();
  // Counted only when the content is shown, not for the password prompt.
  await recordShareView(access.link);
  const signIn = appUrls.signIn(appUrls.share(token));

  if (content.target === "GENERATION" && first) {
    return (
      <div className="space-y-8">
        <header className="space-y-2">
          <p className="text-sm font-medium text-accent">{t("sharedWithYou")}</p>
          <h1 className="whitespace-pre-line break-words text-2xl font-semibold tracking-tight" data-testid="shared-prompt">
            {first.prompt}
          </h1>
          <p className="text-sm text-ink-muted">
            <GenerationFacts generation={first} />
          </p>
        </header>
        <SharedGeneration
          generation={first}
          variant="hero"
          action={
            <section aria-label={t("remix.label")} className="space-y-3 border-t border-ink/10 pt-6">
              <p className="text-sm text-ink-muted">
                {t("remix.intro", { withReferences: first.references.length > 0 ? "yes" : "no" })}
              </p>
              {viewer ? (
                <RemixButton token={token} />
              ) : (
                <Link href={signIn} className={buttonClass("secondary")}>
                  {t("remix.signIn")}
                </Link>
              )}
            </section>
          }
        />
      </div>
    );
  }

  return (
    <div className="space-y-8">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div className="space-y-1">
          <p className="text-sm font-medium text-accent">
            {content.target === "COLLECTION" ? t("sharedCollection") : t("sharedGallery")}
          </p>
          <h1 className="text-2xl font-semibold tracking-tight">{content.title ?? t("meta.untitled", { target: content.target })}</h1>
          {content.sharedBy ? <p className="text-sm text-ink-muted">{t("sharedBy", { name: content.sharedBy })}</p> : null}
        </div>
        {viewer ? null : (
          <Link href={signIn} className={buttonClass("secondary")}>
            {t("remix.signIn")}
          </Link>
        )}
      </header>
      {content.generations.length === 0 ? (
        <p className="rounded-card border border-dashed border-ink/15 bg-paper-raised px-6 py-16 text-center text-sm text-ink-muted">
          {t("empty")}
        </p>
      ) : (
        <ul className="grid gap-6 sm:grid-cols-2 lg:grid-cols-3">
          {content.generations.map((g) => (
            <li key={g.id}>
              <SharedGeneration
                generation={g}
                variant="card"
                action={viewer ? <RemixButton token={token} generationId={g.id} subject={g.prompt} /> : null}
              />
            </li>
          ))}
        </ul>
      )}
      {content.page > 1 || content.hasMore ? (
        <nav aria-label={t("pages.label")} className="flex justify-between">
          {content.page > 1 ? (
            <Link href={appUrls.share(token, { page: content.page - 1 })} className={buttonClass("secondary")}>
              {t("pages.newer")}
            </Link>
          ) : (
            <span />
          )}
          {content.hasMore ? (
            <Link href={appUrls.share(token, { page: content.page + 1 })} className={buttonClass("secondary")}>
              {t("pages.older")}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
