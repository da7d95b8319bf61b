// The title block of a page: a back link, the heading, a line that says what the page is for,
// and the page's main actions on the right (wrapping under the title on a phone).
import { Link } from "@/components/ui/link";

export function PageHeader({
  title,
  lead,
  back,
  actions,
  titleTestId,
  children,
}: {
  title: React.ReactNode;
  lead?: React.ReactNode;
  back?: { href: string; label: string };
  actions?: React.ReactNode;
  titleTestId?: string;
  children?: React.ReactNode;
}) {
  return (
    <div className="flex flex-wrap items-end justify-between gap-4">
      <div>
        {back ? (
          <Link href={back.href} className="no-print text-sm link">
            {back.label}
          </Link>
        ) : null}
        <h1 className={`${back ? "mt-1 " : ""}text-2xl font-bold text-brand-900`} data-testid={titleTestId}>
          {title}
        </h1>
        {lead ? <p className="text-slate-600">{lead}</p> : null}
        {children}
      </div>
      {actions}
    </div>
  );
}
