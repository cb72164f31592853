// Predicted recall for each item under a set of FSRS parameters, with ts-fsrs's memory model
// (the same equations fsrs-rs trains): run the card's history up to the last review through
// next_state, then read the forgetting curve at the last review's delta_t.
import { fsrs, generatorParameters } from "ts-fsrs";
import type { Prediction } from "./metrics";
import type { FitItem } from "./training-items";

export function predict(items: readonly FitItem[], weights: readonly number[] | null): Prediction[] {
  const model = fsrs(generatorParameters({ enable_short_term: true, ...(weights ? { w: [...weights] } : {}) }));
  return items.map((item) => {
    const history = item.reviews.slice(0, -1);
    const last = item.reviews[item.reviews.length - 1];
    let memory: { stability: number; difficulty: number } | null = null;
    let lapses = 0;
    history.forEach((r, k) => {
      memory = model.next_state(memory, r.deltaT, r.rating);
      if (k > 0 && r.deltaT > 0 && r.rating === 1) lapses++;
    });
    const p = model.forgetting_curve(last.deltaT, memory!.stability);
    return { p, y: last.rating > 1 ? 1 : 0, deltaT: last.deltaT, i: item.reviews.length, lapses };
  });
}
