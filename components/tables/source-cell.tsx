// The source a published figure is cited from: a link when the citation is an address, the text
// as printed otherwise (sources are never rewritten).
export function SourceCell({ source, href, note }: { source: string; href: string | null; note?: string | null }) {
  return (
    <td className="cell max-w-xs text-xs text-slate-600">
      {href ? (
        <a href={href} target="_blank" rel="noopener noreferrer nofollow" className="[overflow-wrap:anywhere] link" data-testid="source-link">
          {source}
        </a>
      ) : (
        <span className="[overflow-wrap:anywhere]">{source}</span>
      )}
      {note ? <span className="mt-1 block text-slate-500">{note}</span> : null}
    </td>
  );
}
