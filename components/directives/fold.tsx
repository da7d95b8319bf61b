"use client";
// A <details> whose open state belongs to the reader: it starts open when asked (e.g. the first
// target form of a directive without targets) and stays as the reader left it when the page
// refreshes after a save, so the form and its message do not vanish.
import { useState } from "react";

export function Fold({
  summary,
  initiallyOpen = false,
  className,
  children,
}: {
  summary: React.ReactNode;
  initiallyOpen?: boolean;
  className?: string;
  children: React.ReactNode;
}) {
  const [open, setOpen] = useState(initiallyOpen);
  return (
    <details open={open} onToggle={(event) => setOpen(event.currentTarget.open)} className={className}>
      <summary className="cursor-pointer font-medium text-brand-700">{summary}</summary>
      {children}
    </details>
  );
}
