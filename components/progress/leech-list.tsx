import Link from "next/link";
import { SuspendButton } from "@/components/tricks/suspend-button";
import { CARD_KIND_LABELS } from "@/lib/content/card-kind-labels";
import type { CardKind } from "@/lib/content/schema";
import type { LeechRow } from "@/lib/views/leeches";
import { ResetCardButton } from "./reset-card-button";

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "–");

/** The user's leeches, weakest first, each with its trick, lapses, last review, unsuspend and reset. */
export function LeechList({ leeches, threshold }: { leeches: LeechRow[]; threshold: number }) {
  if (leeches.length === 0) {
    return <p className="text-sm text-slate-600 dark:text-slate-400">None: no card has lapsed {threshold} times. A card that does becomes a leech, listed here.</p>;
  }
  return (
    <div>
      <ul className="divide-y divide-slate-200 dark:divide-slate-800" data-testid="leech-list">
        {leeches.map((l) => (
          <li key={l.cardId} className="flex flex-wrap items-start justify-between gap-3 py-3 text-sm" data-card-id={l.cardId}>
            <div className="min-w-0 flex-1">
              <Link prefetch={false} href={`/tricks/${l.trick.slug}`} className="link font-medium">
                {l.trick.name}
              </Link>{" "}
              <span className="text-slate-600 dark:text-slate-400">· {CARD_KIND_LABELS[l.kind as CardKind] ?? l.kind}</span>
              <p className="mt-1 line-clamp-2 text-slate-700 dark:text-slate-300">{l.prompt}</p>
              <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
                <span data-testid="leech-lapses">{l.lapses} lapses</span> · recall now {l.recall === null ? "–" : `${Math.round(l.recall * 100)}%`} · last review{" "}
                {day(l.lastReview)}
                {l.suspended && <> · suspended{l.leechSuspended ? " by the leech rule" : ""}</>}
              </p>
            </div>
            <div className="flex items-center gap-1">
              {l.suspended && <SuspendButton cardId={l.cardId} suspended />}
              <ResetCardButton cardId={l.cardId} label={l.trick.name} />
            </div>
          </li>
        ))}
      </ul>
      <p className="mt-3 text-sm">
        <Link href="/quiz?source=leeches" className="link">
          Quiz yourself on your leeches
        </Link>
      </p>
    </div>
  );
}
