// A boxed note inside a page: an explanation (info), a caveat about the data (warn), a refusal or
// a bad parameter (error, announced to screen readers), a success (ok).
const TONES = {
  info: "border-brand-100 bg-brand-50 text-brand-900",
  neutral: "border-slate-200 bg-white text-slate-700",
  warn: "border-amber-200 bg-amber-50 text-amber-900",
  error: "border-red-200 bg-red-50 text-red-800",
  ok: "border-emerald-200 bg-emerald-50 text-emerald-800",
} as const;
const SIZES = { md: "rounded-lg p-4", sm: "rounded-lg p-3 text-sm", xs: "rounded-md px-3 py-2 text-sm" } as const;

export function Callout({
  tone = "info",
  size = "md",
  className,
  ...props
}: { tone?: keyof typeof TONES; size?: keyof typeof SIZES } & React.HTMLAttributes<HTMLElement>) {
  const box = SIZES[size];
  return <div role={tone === "error" ? "alert" : undefined} className={[box, "border", TONES[tone], className].filter(Boolean).join(" ")} {...props} />;
}
