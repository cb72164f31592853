// A simulated learner whose memory follows KNOWN FSRS parameters (TRUE_WEIGHTS), studying under
// an app that schedules with the ts-fsrs defaults, as a user does before optimising. Seeded, so a
// run is reproducible. Used by the optimizer test and bench/optimizer.bench.ts.
//  - the app's schedule: ts-fsrs with default parameters, desired retention 0.9, no fuzz;
//  - the learner's truth: FSRS memory state under TRUE_WEIGHTS, advanced by whole study days as
//    fsrs-rs counts them; at each review the learner recalls with the true forgetting-curve
//    probability; recalled -> Hard 15%, Good 75%, Easy 10%; forgotten -> Again, then a same-day
//    relearning review (Good) 10 minutes later.
import { createEmptyCard, fsrs, generatorParameters, type Card, type Grade } from "ts-fsrs";
import { seededRng } from "../../lib/quiz/random";
import type { LogRow } from "../../lib/fsrs-fit/training-items";

/** The learner's real memory: stronger first memories, a flatter forgetting curve (w20) and other differences from the defaults. */
export const TRUE_WEIGHTS = [0.6, 1.8, 4.5, 15, 5.8, 0.6, 2.2, 0.02, 2.1, 0.12, 1.0, 1.6, 0.08, 0.3, 1.4, 0.4, 2.4, 0.5, 0.1, 0.06, 0.3];

const DAY = 86_400_000;
const START = Date.UTC(2025, 0, 1, 10); // every study review at 10:00 UTC (study days start at 0:00 UTC)

export function simulateLearner(opts: { cards: number; days: number; seed: number; maxReviews?: number }): LogRow[] {
  const rng = seededRng(opts.seed);
  const app = fsrs(generatorParameters({ enable_fuzz: false, enable_short_term: true, learning_steps: [], relearning_steps: [] }));
  const truth = fsrs(generatorParameters({ w: TRUE_WEIGHTS, enable_short_term: true }));
  const logs: LogRow[] = [];
  const max = opts.maxReviews ?? Infinity;
  for (let c = 0; c < opts.cards && logs.length < max; c++) {
    const cardId = `sim/${c}`;
    let day = Math.floor(rng() * opts.days * 0.5);
    let card: Card = createEmptyCard(new Date(START + day * DAY));
    let memory: { stability: number; difficulty: number } | null = null;
    let lastDay = day;
    while (day < opts.days && logs.length < max) {
      const at = new Date(START + day * DAY);
      const elapsed = day - lastDay;
      const recall = memory ? truth.forgetting_curve(elapsed, memory.stability) : 0.7;
      const x = rng();
      const rating: Grade = rng() >= recall ? 1 : x < 0.15 ? 2 : x < 0.9 ? 3 : 4;
      logs.push({ cardId, review: at, rating, state: card.state });
      memory = truth.next_state(memory, elapsed, rating);
      card = app.next(card, at, rating).card;
      if (rating === 1) {
        const again = new Date(at.getTime() + 600_000);
        logs.push({ cardId, review: again, rating: 3, state: card.state });
        memory = truth.next_state(memory, 0, 3);
        card = app.next(card, again, 3).card;
      }
      lastDay = day;
      day += Math.max(1, Math.round((card.due.getTime() - at.getTime()) / DAY));
    }
  }
  return logs;
}
