// A small status mark. It always carries words, never colour alone (colour-blind readers, grey
// print); the tone only adds emphasis.
export type BadgeTone = "neutral" | "muted" | "info" | "progress" | "ok" | "warn" | "bad" | "strong-bad" | "special" | "brand";

export const BADGE_TONES: Record<BadgeTone, string> = {
  neutral: "border-slate-300 bg-slate-100 text-slate-800",
  muted: "border-slate-200 bg-white text-slate-500",
  info: "border-sky-200 bg-sky-50 text-sky-900",
  progress: "border-indigo-200 bg-indigo-50 text-indigo-900",
  ok: "border-emerald-300 bg-emerald-50 text-emerald-800",
  warn: "border-amber-300 bg-amber-50 text-amber-900",
  bad: "border-red-300 bg-red-50 text-red-800",
  "strong-bad": "border-red-600 bg-red-600 text-white",
  special: "border-violet-300 bg-violet-50 text-violet-900",
  brand: "border-brand-100 bg-brand-50 text-brand-700",
};

export function Badge({ tone = "neutral", className, ...props }: { tone?: BadgeTone } & React.HTMLAttributes<HTMLSpanElement>) {
  return <span className={`badge ${BADGE_TONES[tone]}${className ? ` ${className}` : ""}`} {...props} />;
}
