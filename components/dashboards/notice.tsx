/** A boxed message: a refusal, a bad parameter, or where to go instead. */
export function Notice({ title, tone = "info", testId, children }: { title: string; tone?: "info" | "error"; testId?: string; children: React.ReactNode }) {
  const style = tone === "error" ? "border-red-200 bg-red-50 text-red-900" : "border-brand-100 bg-brand-50 text-slate-800";
  return (
    <section className={`rounded-xl border p-6 ${style}`} data-testid={testId} role={tone === "error" ? "alert" : undefined}>
      <h1 className="text-lg font-semibold">{title}</h1>
      <p className="mt-2">{children}</p>
    </section>
  );
}
