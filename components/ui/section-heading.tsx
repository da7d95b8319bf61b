// The heading of a section of a page (an h2 under the page's title): one size and colour everywhere.
// `className` adds spacing only.
export const sectionHeadingClass = "text-lg font-semibold text-brand-900";

export function SectionHeading({ className, ...props }: React.HTMLAttributes<HTMLHeadingElement>) {
  return <h2 className={[sectionHeadingClass, className].filter(Boolean).join(" ")} {...props} />;
}
