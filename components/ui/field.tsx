import type { InputHTMLAttributes } from "react";

export function Field({
  label,
  name,
  errors,
  hint,
  ...input
}: InputHTMLAttributes<HTMLInputElement> & { label: string; name: string; errors?: string[]; hint?: string }) {
  const id = `field-${name}`;
  const described = errors?.length ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-ink-soft">
        {label}
      </label>
      <input
        id={id}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={described}
        className="block w-full rounded-lg border border-ink/15 bg-paper-raised px-3 py-2 text-sm shadow-sm placeholder:text-ink-muted/70 aria-invalid:border-danger"
        {...input}
      />
      {errors?.length ? (
        <p id={`${id}-error`} className="text-sm text-danger">
          {errors[0]}
        </p>
      ) : hint ? (
        <p id={`${id}-hint`} className="text-xs text-ink-muted">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
