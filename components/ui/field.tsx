import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from "react";

type Labelled = { label: string; name: string; errors?: string[]; hint?: string };

const control = "block w-full rounded-lg border border-ink/15 bg-paper-raised px-3 py-2 text-sm shadow-sm aria-invalid:border-danger";

/** A labelled control with its first error (or else its hint) under it, tied by aria-describedby. */
function Labelled({ id, label, errors, hint, children }: Omit<Labelled, "name"> & { id: string; children: (a11y: { "aria-invalid"?: true; "aria-describedby"?: string }) => ReactNode }) {
  const described = errors?.length ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-ink-soft">
        {label}
      </label>
      {children({ "aria-invalid": errors?.length ? true : undefined, "aria-describedby": described })}
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

export function Field({ label, name, errors, hint, ...input }: InputHTMLAttributes<HTMLInputElement> & Labelled) {
  const id = `field-${name}`;
  return (
    <Labelled id={id} label={label} errors={errors} hint={hint}>
      {(a11y) => <input id={id} name={name} {...a11y} className={`${control} placeholder:text-ink-muted/70`} {...input} />}
    </Labelled>
  );
}

/** Field's twin for a `<select>`: the options are its children. */
export function SelectField({ label, name, errors, hint, children, ...select }: SelectHTMLAttributes<HTMLSelectElement> & Labelled) {
  const id = `field-${name}`;
  return (
    <Labelled id={id} label={label} errors={errors} hint={hint}>
      {(a11y) => (
        <select id={id} name={name} {...a11y} className={control} {...select}>
          {children}
        </select>
      )}
    </Labelled>
  );
}
