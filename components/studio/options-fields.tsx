"use client";

import { useTranslations } from "next-intl";
import { shapeName } from "@/components/gallery/size-text";
import { IMAGE_SIZES, type ImageSize } from "@/lib/validations/generation-limits";

interface Props {
  size: ImageSize;
  n: number;
  model: string;
  models: string[];
  maxImages: number;
  onChange: (patch: { size?: ImageSize; n?: number; model?: string }) => void;
  /** Each field's problems, already in the viewer's language. */
  errors: Record<string, string[] | undefined>;
  /** Offered only for models that ignore `size`: the words appended to the sent prompt, switchable. */
  shapeHint: { on: boolean; text: string; onToggle: (on: boolean) => void } | null;
}

export function OptionsFields({ size, n, model, models, maxImages, onChange, errors, shapeHint }: Props) {
  const t = useTranslations("studio.options");
  const gallery = useTranslations("gallery");
  return (
    <div className="space-y-5">
      <fieldset>
        <legend className="mb-2 text-sm font-medium text-ink-soft">{t("size")}</legend>
        <div className="grid grid-cols-3 gap-2">
          {IMAGE_SIZES.map((value) => {
            const [w, h] = value.split("x").map(Number) as [number, number];
            // The gallery's shape words (Landscape, 横版), so both pages name a size alike.
            const shape = shapeName(gallery, value);
            return (
              <label
                key={value}
                className="flex cursor-pointer flex-col items-center gap-2 rounded-lg border border-ink/15 px-2 py-3 text-center text-xs has-checked:border-accent has-checked:bg-accent-soft has-focus-visible:outline-2 has-focus-visible:outline-accent"
              >
                <input
                  type="radio"
                  name="size"
                  value={value}
                  checked={size === value}
                  onChange={() => onChange({ size: value })}
                  className="sr-only"
                  aria-label={t("sizeChoice", { shape: shape ?? "", size: `${w}×${h}` })}
                />
                <span
                  aria-hidden
                  className="block rounded-sm border-2 border-current text-ink-soft"
                  style={{ width: (w / 1536) * 40, height: (h / 1536) * 40 }}
                />
                <span className="font-medium">{shape}</span>
                <span className="text-ink-muted">
                  {w}×{h}
                </span>
              </label>
            );
          })}
        </div>
        {errors.size ? <p className="mt-1 text-sm text-danger">{errors.size[0]}</p> : null}
        {shapeHint ? (
          <label className="mt-3 flex items-start gap-2 text-sm text-ink-soft">
            <input
              type="checkbox"
              checked={shapeHint.on}
              onChange={(e) => shapeHint.onToggle(e.target.checked)}
              className="mt-0.5"
            />
            <span>
              {t("shapeHint")}{" "}
              <q className="text-ink" data-testid="shape-hint-text">
                {shapeHint.text}
              </q>
            </span>
          </label>
        ) : null}
      </fieldset>

      <div className="grid grid-cols-2 gap-3">
        <div className="space-y-1.5">
          <label htmlFor="count" className="block text-sm font-medium text-ink-soft">
            {t("count")}
          </label>
          <select
            id="count"
            value={n}
            onChange={(e) => onChange({ n: Number(e.target.value) })}
            className="block w-full rounded-lg border border-ink/15 bg-paper px-3 py-2 text-sm"
          >
            {Array.from({ length: maxImages }, (_, i) => i + 1).map((count) => (
              <option key={count} value={count}>
                {count}
              </option>
            ))}
          </select>
          {errors.n ? <p className="text-sm text-danger">{errors.n[0]}</p> : null}
        </div>
        {models.length > 1 ? (
          <div className="space-y-1.5">
            <label htmlFor="model" className="block text-sm font-medium text-ink-soft">
              {t("model")}
            </label>
            <select
              id="model"
              value={model}
              onChange={(e) => onChange({ model: e.target.value })}
              className="block w-full rounded-lg border border-ink/15 bg-paper px-3 py-2 text-sm"
            >
              {models.map((m) => (
                <option key={m} value={m}>
                  {m}
                </option>
              ))}
            </select>
            {errors.model ? <p className="text-sm text-danger">{errors.model[0]}</p> : null}
          </div>
        ) : null}
      </div>
    </div>
  );
}
