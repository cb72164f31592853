// One user's standing on one card, for the trick page.
import { default_w, forgetting_curve } from "ts-fsrs";
import { MATURE_DAYS } from "./mastery";

export type CardStanding = "new" | "learning" | "young" | "mature";

export interface CardStateLite {
  state: number;
  stability: number;
  scheduledDays: number;
  lastReview: Date | null;
}

export function cardStanding(s: CardStateLite | null): CardStanding {
  if (!s || s.state === 0) return "new";
  if (s.state === 1 || s.state === 3) return "learning";
  return s.scheduledDays >= MATURE_DAYS ? "mature" : "young";
}

/** FSRS predicted probability of recall at `now`, or null for a card never reviewed. */
export function recallNow(s: CardStateLite | null, now: Date, weights: readonly number[] | null = null): number | null {
  if (!s || s.state === 0 || !s.lastReview || s.stability <= 0) return null;
  const days = Math.max(0, (now.getTime() - s.lastReview.getTime()) / 86_400_000);
  return forgetting_curve(weights?.length ? weights : default_w, days, s.stability);
}
