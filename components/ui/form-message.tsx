/** Announces an action's outcome to screen readers as well as showing it. */
export function FormMessage({ message, ok }: { message?: string; ok?: boolean }) {
  return (
    <div aria-live="polite" role="status" className="min-h-5">
      {message ? (
        <p className={`rounded-lg px-3 py-2 text-sm ${ok ? "bg-success-soft text-success" : "bg-danger-soft text-danger"}`}>
          {message}
        </p>
      ) : null}
    </div>
  );
}
