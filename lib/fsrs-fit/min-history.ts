// How much history an optimisation needs before we run it.
//
// The optimizer learns from reviews made at least a day after the card's previous one (the items
// of training-items.ts): same-day reviews say little about long-term forgetting. We hold back the
// latest 20% of them to judge the result (time-split.ts). Below 400 such reviews that held-back
// part would be under 80 reviews, where one review more or less moves the log loss by more than
// the difference between good and default parameters: the comparison would be noise.
export const MIN_TRAINING_ITEMS = 400;

export type HistoryVerdict = { ok: true } | { ok: false; message: string };

export function checkHistory(items: number): HistoryVerdict {
  if (items >= MIN_TRAINING_ITEMS) return { ok: true };
  return {
    ok: false,
    message:
      `Optimising needs at least ${MIN_TRAINING_ITEMS} reviews made a day or more after the card's previous review; you have ${items}. ` +
      `With fewer, the fifth of your history held back to check the new parameters would be too small to tell better parameters from luck. ` +
      `Keep reviewing: ${MIN_TRAINING_ITEMS - items} to go.`,
  };
}
