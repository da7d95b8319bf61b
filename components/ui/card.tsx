// The white panel every page is built from. `as` keeps the element the content needs (a section
// with a heading, a figure with its caption, a fieldset with its legend).
type CardElement = "div" | "section" | "figure" | "fieldset" | "p";

export const cardClass = "rounded-xl border border-slate-200 bg-white shadow-sm print:break-inside-avoid print:shadow-none";
const PADDING = { none: "", sm: "p-4", md: "p-5", lg: "p-6" } as const;

export function Card({
  as: Element = "div",
  padding = "lg",
  className,
  ...props
}: { as?: CardElement; padding?: keyof typeof PADDING } & React.HTMLAttributes<HTMLElement>) {
  return <Element className={[cardClass, PADDING[padding], className].filter(Boolean).join(" ")} {...props} />;
}
