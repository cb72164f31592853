import type { TrickDetail } from "@/lib/views/trick";

export function ReferenceList({ references }: { references: TrickDetail["references"] }) {
  if (references.length === 0) {
    return <p className="text-slate-600 dark:text-slate-400">No published reference: this is common practice rather than one paper&apos;s result.</p>;
  }
  return (
    <ol className="list-decimal space-y-3 pl-6" data-testid="references">
      {references.map((r) =>
        r.unknown ? (
          <li key={r.id}>
            <span className="font-medium">Unknown reference.</span> <span className="text-slate-600 dark:text-slate-400">{r.note}</span>
          </li>
        ) : (
          <li key={r.id}>
            {r.url ? (
              <a href={r.url} target="_blank" rel="noopener noreferrer" className="link">
                {r.title}
              </a>
            ) : (
              <span className="font-medium">{r.title}</span>
            )}
            <span className="block text-sm text-slate-600 dark:text-slate-400">
              {r.authors.join(", ")}
              {r.venue ? ` · ${r.venue}` : ""}
              {r.year ? ` · ${r.year}` : ""}
            </span>
          </li>
        ),
      )}
    </ol>
  );
}
