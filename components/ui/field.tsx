// Form fields: a label, the control, a hint and the error that names what to fix, wired together
// for screen readers (aria-invalid, aria-describedby). Used by every form kit form.
export const inputClass =
  "mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-100 aria-[invalid=true]:border-red-500";
export const labelClass = "block text-sm font-medium text-slate-700";
/** The compact selects and inputs of filter bars (rankings, lists). */
export const filterInputClass = "rounded-md border border-slate-300 bg-white px-2 py-1.5";

export function FieldError({ message, name }: { message: string | undefined; name: string }) {
  return message ? (
    <p id={`${name}-error`} className="mt-1 text-sm text-red-700" data-field-error={name}>
      {message}
    </p>
  ) : null;
}

/** The ids a control is described by: its error when it has one, and its hint. */
export function describedBy(name: string, error: string | undefined, hint?: string): string | undefined {
  return [error ? `${name}-error` : null, hint].filter(Boolean).join(" ") || undefined;
}

/**
 * A labelled field. `children` is the control, given its id/name and these aria attributes:
 * `<Field name="score" label=… error=…>{(aria) => <input {...aria} … />}</Field>`.
 */
export function Field({
  name,
  label,
  hint,
  error,
  className,
  children,
}: {
  name: string;
  label: React.ReactNode;
  hint?: React.ReactNode;
  error?: string;
  className?: string;
  children: (control: { id: string; name: string; "aria-invalid": boolean; "aria-describedby"?: string }) => React.ReactNode;
}) {
  const hintId = hint ? `${name}-hint` : undefined;
  return (
    <div className={className}>
      <label htmlFor={name} className={labelClass}>
        {label}
      </label>
      {children({ id: name, name, "aria-invalid": Boolean(error), "aria-describedby": describedBy(name, error, hintId) })}
      {hint ? (
        <p id={hintId} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      <FieldError name={name} message={error} />
    </div>
  );
}

/** A labelled control of a filter bar (a GET form): the label above, the control compact. */
export function FilterField({ label, children }: { label: React.ReactNode; children: React.ReactNode }) {
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: the control is the children, labelled by nesting.
    <label className="text-sm">
      <span className="block text-slate-600">{label}</span>
      {children}
    </label>
  );
}
