// Data tables: one look for every table of the portal. Cells carry one short CSS class each
// (globals.css: cell, cell-num, cell-head), because a 90-row table repeats them in its HTML and
// its RSC payload alike.
type Align = { numeric?: boolean };

/** A table in a scrolling white frame (or bare inside a card with `framed={false}`). */
export function DataTable({ framed = true, className, children, ...props }: { framed?: boolean } & React.TableHTMLAttributes<HTMLTableElement>) {
  return (
    <div
      className={
        framed
          ? "relative overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm print:overflow-visible print:shadow-none"
          : "relative overflow-x-auto print:overflow-visible"
      }
    >
      <table className={className ? `min-w-full text-sm ${className}` : "min-w-full text-sm"} {...props}>
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

export function Td({ numeric, className, ...props }: Align & React.TdHTMLAttributes<HTMLTableCellElement>) {
  const base = numeric ? "cell-num" : "cell";
  return <td className={className ? `${base} ${className}` : base} {...props} />;
}
