"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useRef } from "react";
import { MAX_REFERENCE_IMAGES, PROMPT_MAX_LENGTH, referencedSlots } from "@/lib/validations/generation-limits";

interface Props {
  value: string;
  onChange: (value: string) => void;
  filledSlots: number;
  errors?: string[];
}

export function PromptField({ value, onChange, filledSlots, errors }: Props) {
  const t = useTranslations("studio.prompt");
  const format = useFormatter();
  const area = useRef<HTMLTextAreaElement>(null);
  const emptyTags = referencedSlots(value).filter((slot) => slot > filledSlots);
  const over = value.length > PROMPT_MAX_LENGTH;

  const insertTag = (slot: number) => {
    const el = area.current;
    const tag = `@${slot}`;
    const start = el?.selectionStart ?? value.length;
    const end = el?.selectionEnd ?? value.length;
    const before = value.slice(0, start);
    const spacer = before && !/\s$/.test(before) ? " " : "";
    const next = `${before}${spacer}${tag} ${value.slice(end)}`;
    onChange(next);
    requestAnimationFrame(() => {
      const caret = before.length + spacer.length + tag.length + 1;
      el?.focus();
      el?.setSelectionRange(caret, caret);
    });
  };

  return (
    <div className="space-y-2">
      <div className="flex items-baseline justify-between">
        <label htmlFor="prompt" className="text-sm font-medium text-ink-soft">
          {t("label")}
        </label>
        <span className={`text-xs tabular-nums ${over ? "text-danger" : "text-ink-muted"}`} data-testid="prompt-count">
          {t("count", { count: value.length, max: PROMPT_MAX_LENGTH })}
        </span>
      </div>
      <textarea
        id="prompt"
        ref={area}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        rows={5}
        placeholder={t("placeholder", { first: "@1", second: "@2", third: "@3" })}
        aria-invalid={errors?.length || over ? true : undefined}
        aria-describedby="prompt-help"
        className="block w-full resize-y rounded-lg border border-ink/15 bg-paper px-3 py-2 text-sm aria-invalid:border-danger"
      />
      <div className="flex flex-wrap items-center gap-1.5" id="prompt-help">
        <span className="text-xs text-ink-muted">{t("insert")}</span>
        {Array.from({ length: MAX_REFERENCE_IMAGES }, (_, i) => i + 1).map((slot) => (
          <button
            key={slot}
            type="button"
            onClick={() => insertTag(slot)}
            className={`rounded-md border px-2 py-0.5 text-xs font-medium ${
              slot <= filledSlots ? "border-accent/30 bg-accent-soft text-accent" : "border-ink/10 text-ink-muted"
            }`}
            aria-label={t(slot <= filledSlots ? "insertTag" : "insertEmpty", { tag: `@${slot}` })}
          >
            @{slot}
          </button>
        ))}
      </div>
      <div aria-live="polite">
        {emptyTags.length > 0 ? (
          <p className="text-xs text-amber-700" data-testid="prompt-warning">
            {t("emptyTags", { tags: format.list(emptyTags.map((s) => `@${s}`), { type: "unit" }), count: emptyTags.length })}
          </p>
        ) : null}
        {errors?.length ? <p className="text-sm text-danger">{errors[0]}</p> : null}
      </div>
    </div>
  );
}
