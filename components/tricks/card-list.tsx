import { CARD_KIND_LABELS, cardFaces } from "@/lib/content/cards";
import type { CardKind } from "@/lib/content/schema";
import { Markdown } from "@/components/ui/markdown";
import type { TrickDetail } from "@/server/queries/catalogue";

/** The trick's cards, question first; the answer opens on demand so the page can be used to self-test. */
export function CardList({ cards }: { cards: TrickDetail["cards"] }) {
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
