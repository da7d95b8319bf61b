"use client";

export function PrintButton({ label = "In báo cáo" }: { label?: string }) {
  return (
    <button type="button" onClick={() => window.print()} className="no-print rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100">
      {label}
    </button>
  );
}
