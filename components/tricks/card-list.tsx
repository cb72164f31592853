import { CARD_KIND_LABELS, cardFaces } from "@/lib/content/cards";
import type { CardKind } from "@/lib/content/schema";
import { Markdown } from "@/components/ui/markdown";
import type { TrickDetail } from "@/lib/views/trick";
import type { CardProgress } from "@/lib/views/trick";
import { SuspendButton } from "./suspend-button";
import { count } from "@/lib/text/plural";

const STANDING_STYLE = {
  new: "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300",
  learning: "bg-amber-100 text-amber-900 dark:bg-amber-500/20 dark:text-amber-100",
  young: "bg-emerald-100 text-emerald-900 dark:bg-emerald-500/20 dark:text-emerald-100",
  mature: "bg-emerald-600 text-white dark:bg-emerald-500/60",
} as const;

/**
 * The trick's cards, question first; the answer opens on demand so the page can be used to
 * self-test. For a signed-in user (`progress` given), each card shows where the user stands.
 */
export function CardList({ cards, progress }: { cards: TrickDetail["cards"]; progress?: Record<string, CardProgress | undefined> }) {
  return (
    <ul className="space-y-3" data-testid="card-list">
      {cards.map((card) => {
        const faces = cardFaces(card);
        return (
          <li key={card.id} className="card-surface p-4">
            <div className="flex items-start gap-3">
              <span className="badge mt-0.5 shrink-0">{CARD_KIND_LABELS[card.kind as CardKind] ?? card.kind}</span>
              <Markdown inline className="font-medium">
                {faces.front}
              </Markdown>
            </div>
            {progress && <CardStanding cardId={card.id} p={progress[card.id]} />}
            <details className="group mt-2 pl-1">
              <summary className="cursor-pointer select-none text-sm text-indigo-700 dark:text-indigo-300">Show answer</summary>
              <Markdown className="card-answer mt-2 border-l-2 border-indigo-200 pl-3 text-sm dark:border-indigo-500/40">{faces.back}</Markdown>
            </details>
          </li>
        );
      })}
    </ul>
  );
}

function CardStanding({ cardId, p }: { cardId: string; p: CardProgress | undefined }) {
  const standing = p?.standing ?? "new";
  return (
    <div className="mt-2 flex flex-wrap items-center gap-2 text-xs text-slate-600 dark:text-slate-400" data-testid="card-standing">
      <span className={`rounded-full px-2 py-0.5 font-medium ${STANDING_STYLE[standing]}`}>{p?.suspended ? `${standing}, suspended` : standing}</span>
      {p?.recall !== null && p?.recall !== undefined && <span>recall now {Math.round(p.recall * 100)}%</span>}
      {p?.due && !p.suspended && <span>next due {p.due.toISOString().slice(0, 10)}</span>}
      {p && p.reps > 0 && (
        <span>
          {count(p.reps, "review")}, {count(p.lapses, "lapse")}
        </span>
      )}
      <SuspendButton cardId={cardId} suspended={!!p?.suspended} />
    </div>
  );
}
