// The outcome of a framework form: what was saved, or every problem to fix.
import type { FormState } from "./use-framework-action";

export function FormFeedback({ state }: { state: FormState }) {
  if (!state) return null;
  if (state.ok) {
    return (
      <p role="status" data-testid="form-ok" data-seq={state.seq} className="text-sm text-emerald-700">
        {state.message}
      </p>
    );
  }
  const issues = state.issues ?? [];
  return (
    <div role="status" data-testid="form-error" data-seq={state.seq} className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
      {issues.length > 1 ? (
        <ul className="list-inside list-disc space-y-1">
          {issues.map((issue, i) => (
            <li key={i}>{issue.message}</li>
          ))}
        </ul>
      ) : (
        <p>{state.error}</p>
      )}
    </div>
  );
}
