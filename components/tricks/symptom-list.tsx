import { Markdown } from "@/components/ui/markdown";
import { symptomsOfCards } from "@/lib/content/diagnose";
import type { TrickDetail } from "@/lib/views/trick";

/**
 * "Symptoms this fixes": what a practitioner observes in training that this trick addresses, each
 * with the reason. Read from the trick's diagnose cards, so it always matches what is studied.
 * Renders nothing for a trick without symptoms (architectures).
 */
export function SymptomList({ cards }: { cards: TrickDetail["cards"] }) {
  const symptoms = symptomsOfCards(cards);
  if (symptoms.length === 0) return null;
  return (
    <section aria-labelledby="symptoms" data-testid="symptoms">
      <h2 id="symptoms" className="mb-2 text-xl font-semibold">
        Symptoms this fixes
      </h2>
      <ul className="space-y-3">
        {symptoms.map((s) => (
          <li key={s.cardId} className="border-l-4 border-amber-400 pl-3 dark:border-amber-500/60">
            <Markdown inline className="font-medium">
              {s.text}
            </Markdown>
            <div className="mt-0.5 flex gap-1 text-sm text-slate-700 dark:text-slate-300">
              <span className="shrink-0 font-medium">Why it helps:</span>
              <Markdown inline>{s.because}</Markdown>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
