import { useFormatter, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { SizeNote, sizeText, useShapeName } from "@/components/ui/size-note";
import type { SharedGenerationDTO } from "@/lib/data/share/content";

/** "by Ana · Landscape 1536×1024 · 2 images · 2 Dec 2026", in the reader's language. */
export function GenerationFacts({ generation: g }: { generation: SharedGenerationDTO }) {
  const t = useTranslations("share.facts");
  const format = useFormatter();
  const shapeName = useShapeName();
  const shape = shapeName(g.size);
  return [
    g.creatorName ? t("by", { name: g.creatorName }) : null,
    shape ? `${shape} ${sizeText(g.size)}` : sizeText(g.size),
    t("images", { count: g.images.length }),
    format.dateTime(new Date(g.createdAt), "date"),
  ]
    .filter(Boolean)
    .join(" · ");
}

const clipped = (prompt: string) => (prompt.length > 80 ? `${prompt.slice(0, 79)}…` : prompt);

/**
 * One shared generation. "hero" is the page of a single generation (full images, large);
 * "card" is one entry of a shared gallery (thumbnails that open the full image).
 */
export function SharedGeneration({
  generation: g,
  variant,
  action,
}: {
  generation: SharedGenerationDTO;
  variant: "hero" | "card";
  action?: ReactNode;
}) {
  const t = useTranslations("share");
  const hero = variant === "hero";
  const promptAlt = (index: number) => t("image.alt", { number: index + 1, prompt: clipped(g.prompt) });
  return (
    <article className={hero ? "space-y-8" : "space-y-3 rounded-card border border-ink/10 bg-paper-raised p-4"}>
      {hero ? null : (
        <>
          <p className="line-clamp-3 text-sm" title={g.prompt}>
            {g.prompt}
          </p>
          <p className="text-xs text-ink-muted">
            <GenerationFacts generation={g} />
          </p>
        </>
      )}

      <ul className={hero && g.images.length === 1 ? "grid gap-4" : "grid grid-cols-2 gap-3"}>
        {g.images.map((img) => (
          <li key={img.index} className="space-y-1">
            <a
              href={img.url}
              target="_blank"
              rel="noreferrer"
              className="block overflow-hidden rounded-lg bg-paper-sunk"
              aria-label={t("image.fullSize", { alt: promptAlt(img.index) })}
            >
              {/* eslint-disable-next-line @next/next/no-img-element -- served through the share token, already sized */}
              <img
                src={hero ? img.url : img.thumbUrl}
                alt={promptAlt(img.index)}
                width={img.width}
                height={img.height}
                style={{ aspectRatio: `${img.width} / ${img.height}` }}
                className="h-auto w-full object-cover"
                data-testid="shared-image"
              />
            </a>
            <SizeNote requested={g.size} width={img.width} height={img.height} className="text-xs text-ink-muted" />
            {hero && img.revisedPrompt ? (
              <p className="text-xs text-ink-muted">{t("image.revisedPrompt", { prompt: img.revisedPrompt })}</p>
            ) : null}
          </li>
        ))}
      </ul>

      {g.references.length > 0 ? (
        <section aria-label={t("references.label")} className="space-y-2">
          <h2 className={hero ? "text-lg font-semibold" : "text-xs font-medium uppercase tracking-wide text-ink-muted"}>
            {t("references.madeFrom", { count: g.references.length })}
          </h2>
          <ul className="flex flex-wrap gap-3">
            {g.references.map((r) => (
              <li key={r.position} className="w-24 space-y-1 text-center">
                {/* eslint-disable-next-line @next/next/no-img-element -- served through the share token */}
                <img
                  src={r.url}
                  alt={
                    r.label
                      ? t("references.altLabelled", { number: r.position + 1, label: r.label })
                      : t("references.alt", { number: r.position + 1 })
                  }
                  className="aspect-square w-full rounded-lg bg-paper-sunk object-cover"
                  data-testid="shared-reference"
                />
                <span className="block truncate text-xs text-ink-muted">
                  @{r.position + 1}
                  {r.label ? " " : null}
                  {r.label}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {action}
    </article>
  );
}
