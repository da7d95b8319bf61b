// Data tables: one look for every table of the portal. Cells carry one short CSS class each
// (globals.css: cell, cell-num, cell-head), because a 90-row table repeats them in its HTML and
// its RSC payload alike.
type Align = { numeric?: boolean };

/**
 * A table in a scrolling white frame (or bare inside a card with `framed={false}`). `stacked`: below
 * 640 px each row becomes a block of "label: value" lines (the cells' `label`), so a phone reads it
 * without scrolling sideways.
 */
export function DataTable({
  framed = true,
  stacked = false,
  className,
  children,
  ...props
}: { framed?: boolean; stacked?: boolean } & React.TableHTMLAttributes<HTMLTableElement>) {
  const classes = ["min-w-full text-sm", stacked ? "table-stack" : "", className ?? ""].filter(Boolean).join(" ");
  return (
    <div
      className={
        framed
          ? "relative overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm print:overflow-visible print:shadow-none"
          : "relative overflow-x-auto print:overflow-visible"
      }
    >
      <table className={classes} {...props}>
        {children}
      </table>
    </div>
  );
}

export function THead({ children }: { children: React.ReactNode }) {
  return (
    <thead className="bg-slate-100 text-left text-slate-700">
      <tr>{children}</tr>
    </thead>
  );
}

export function TBody({ children }: { children: React.ReactNode }) {
  return <tbody className="divide-y divide-slate-100">{children}</tbody>;
}

export function Th({ numeric, className, ...props }: Align & React.ThHTMLAttributes<HTMLTableCellElement>) {
  const base = numeric ? "cell-head text-right" : "cell-head";
  return <th scope="col" className={className ? `${base} ${className}` : base} {...props} />;
}

/** `label`: the column's name, shown before the value when a stacked table is read on a phone. */
export function Td({ numeric, label, className, ...props }: Align & { label?: string } & React.TdHTMLAttributes<HTMLTableCellElement>) {
  const base = numeric ? "cell-num" : "cell";
  return <td className={className ? `${base} ${className}` : base} data-label={label} {...props} />;
}
