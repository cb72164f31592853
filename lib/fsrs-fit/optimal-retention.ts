// The optimal retention ("compute minimum recommended retention", CMRR, in fsrs-rs): the desired
// retention that makes the least study time per card you know. fsrs-rs computes it by simulating
// a deck at many desired retentions (simulate + optimal_retention); the bindings this app can
// install do not expose that, so this is the same idea in TypeScript, with real ts-fsrs scheduling:
//
//   - a deck of `deckSize` new cards, `newPerDay` introduced a day, studied for `horizonDays` days,
//     one review per card and day at most (as fsrs-rs's simulator: same-day learning steps are
//     folded into the cost of the first learn and of a lapse);
//   - each card is scheduled by ts-fsrs's `fsrs()` with the user's parameters and the candidate
//     desired retention, fuzz off (long-term scheduling, so every interval is whole days);
//   - at each due review, recall is drawn from the FSRS forgetting curve at the card's stability
//     and elapsed days; a recalled card is graded Hard/Good/Easy with fsrs-rs's default rating
//     shares, a forgotten one Again; a new card's first grade likewise;
//   - each outcome costs seconds (a first learn, a pass, a fail);
//   - the score is total seconds / knowledge, knowledge = the sum over cards of their recall
//     probability at the end (the "memorised" count fsrs-rs uses), averaged over `samples` seeded
//     runs. The same seeds serve every candidate (common random numbers), so candidates differ by
//     their retention, not by their luck.
//
// The candidates are 0.70 to 0.95 in steps of 0.01, the range fsrs-rs searches (R_MIN, R_MAX).
import { fsrs, type FSRSState, type Grade } from "ts-fsrs";
import { seededRng, type Rng } from "../quiz/random";

export const RETENTION_MIN = 0.7;
export const RETENTION_MAX = 0.95;
export const RETENTION_STEP = 0.01;

/** Seconds per outcome. */
export interface ReviewCosts {
  learn: number;
  pass: number;
  fail: number;
}

/**
 * fsrs-rs's SimulatorConfig defaults, reduced to three costs: a first learn is its learn_costs
 * weighted by first_rating_prob (33.79, 24.3, 13.68, 6.5 s by 0.24, 0.094, 0.495, 0.171); a pass
 * is review_costs for Hard/Good/Easy weighted by review_rating_prob (11.68, 7.33, 5.6 s by 0.224,
 * 0.631, 0.145); a fail is review_costs[Again] times loss_aversion (23 s x 2.5).
 */
export const DEFAULT_COSTS: ReviewCosts = { learn: 18.28, pass: 8.05, fail: 57.5 };
/** fsrs-rs's loss_aversion: a lapse weighs more than its seconds (relearning, frustration). */
export const LOSS_AVERSION = 2.5;
/** fsrs-rs's first_rating_prob (Again, Hard, Good, Easy) and review_rating_prob (Hard, Good, Easy). */
export const FIRST_RATING_PROB = [0.24, 0.094, 0.495, 0.171] as const;
export const REVIEW_RATING_PROB = [0.224, 0.631, 0.145] as const;

export interface SimulationConfig {
  deckSize: number;
  newPerDay: number;
  horizonDays: number;
  maximumInterval: number;
  seed: number;
  samples: number;
  firstRatingProb: readonly number[];
  reviewRatingProb: readonly number[];
}

/**
 * Sized to stay under a second on one loaded core (README, "FSRS parameters"): 600 cards, 10 new a
 * day, one year, two runs per candidate; across seeds the optimum for the default parameters then
 * moves by a few hundredths (0.70-0.76), where the cost curve is flat anyway.
 */
export const DEFAULT_SIMULATION: SimulationConfig = {
  deckSize: 600,
  newPerDay: 10,
  horizonDays: 365,
  maximumInterval: 36500,
  seed: 42,
  samples: 2,
  firstRatingProb: FIRST_RATING_PROB,
  reviewRatingProb: REVIEW_RATING_PROB,
};

export interface SimulationResult {
  /** seconds */
  cost: number;
  /** sum of the cards' recall probability on the last day */
  memorized: number;
  learned: number;
  reviews: number;
  lapses: number;
}

function pick(u: number, probs: readonly number[]): number {
  const total = probs.reduce((a, b) => a + b, 0);
  let x = u * total;
  for (let k = 0; k < probs.length; k++) {
    x -= probs[k];
    if (x < 0) return k;
  }
  return probs.length - 1;
}

/**
 * One seeded run of the deck at one desired retention. Each card draws from its own seeded
 * stream, so a card meets the same luck at every retention (common random numbers).
 */
export function simulateWorkload(weights: readonly number[], retention: number, costs: ReviewCosts, config: SimulationConfig, seed = config.seed): SimulationResult {
  const f = fsrs({ w: [...weights], request_retention: retention, maximum_interval: config.maximumInterval, enable_fuzz: false, enable_short_term: false });
  const H = config.horizonDays;
  const due: number[][] = Array.from({ length: H }, () => []);
  const memory: FSRSState[] = [];
  const lastDay: number[] = [];
  const rngs: Rng[] = [];
  const out: SimulationResult = { cost: 0, memorized: 0, learned: 0, reviews: 0, lapses: 0 };
  // ts-fsrs's memory model (next_state) and its interval for the desired retention (next_interval)
  const review = (k: number, day: number, grade: Grade) => {
    memory[k] = f.next_state(memory[k] ?? null, memory[k] ? day - lastDay[k] : 0, grade);
    lastDay[k] = day;
    const next = day + f.next_interval(memory[k].stability, 0);
    if (next < H) due[next].push(k);
  };
  for (let day = 0; day < H; day++) {
    for (const k of due[day]) {
      const rng = rngs[k];
      const recall = rng() < f.forgetting_curve(day - lastDay[k], memory[k].stability);
      out.reviews++;
      if (recall) out.cost += costs.pass;
      else {
        out.cost += costs.fail;
        out.lapses++;
      }
      review(k, day, (recall ? 2 + pick(rng(), config.reviewRatingProb) : 1) as Grade);
    }
    for (let n = 0; n < config.newPerDay && out.learned < config.deckSize; n++) {
      const k = out.learned++;
      rngs[k] = seededRng(Math.imul(seed, 0x9e3779b1) + k * 0x85ebca6b);
      out.cost += costs.learn;
      review(k, day, (1 + pick(rngs[k](), config.firstRatingProb)) as Grade);
    }
  }
  for (let k = 0; k < memory.length; k++) out.memorized += f.forgetting_curve(H - lastDay[k], memory[k].stability);
  return out;
}

export interface RetentionPoint {
  retention: number;
  /** seconds per card known at the end, averaged over the samples */
  costPerKnown: number;
}

export interface OptimalRetention {
  retention: number;
  curve: RetentionPoint[];
}

/** Points each side averaged before taking the minimum. */
export const SMOOTHING = 2;

/** The candidates, 0.70..0.95, rounded to two decimals. */
export function candidates(): number[] {
  const n = Math.round((RETENTION_MAX - RETENTION_MIN) / RETENTION_STEP);
  return Array.from({ length: n + 1 }, (_, k) => Math.round((RETENTION_MIN + k * RETENTION_STEP) * 100) / 100);
}

/** The desired retention with the least simulated seconds per card known (ties: the lower one). */
export function optimalRetention(weights: readonly number[], costs: ReviewCosts = DEFAULT_COSTS, overrides: Partial<SimulationConfig> = {}): OptimalRetention {
  const config = { ...DEFAULT_SIMULATION, ...overrides };
  const curve = candidates().map((retention) => {
    let sum = 0;
    for (let s = 0; s < config.samples; s++) {
      const run = simulateWorkload(weights, retention, costs, config, config.seed + s);
      sum += run.cost / run.memorized;
    }
    return { retention, costPerKnown: sum / config.samples };
  });
  // the curve is flat near its minimum and a few hundred cards leave noise of a few percent on
  // each point: the minimum is taken on the mean of each point and its two neighbours each side
  const smooth = curve.map((_, k) => {
    const window = curve.slice(Math.max(0, k - SMOOTHING), k + SMOOTHING + 1);
    return window.reduce((sum, p) => sum + p.costPerKnown, 0) / window.length;
  });
  let best = 0;
  for (let k = 1; k < curve.length; k++) if (smooth[k] < smooth[best]) best = k;
  return { retention: curve[best].retention, curve };
}

/** A review with its duration, as the log holds it (state before the review). */
export interface TimedReview {
  state: number;
  rating: number;
  durationMs: number | null;
}

/** Below this many timed reviews of an outcome its median is too loose; the defaults are used. */
export const MIN_TIMED_REVIEWS = 20;
/** Longer than this, the user had left the screen: not a review's duration. */
export const MAX_REVIEW_MS = 20 * 60_000;

function median(values: number[]): number {
  const v = [...values].sort((a, b) => a - b);
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

/**
 * The user's own costs: the median duration of a first review (state New), of a review passed
 * (state Review, Hard/Good/Easy) and of a review failed (state Review, Again) times fsrs-rs's
 * loss aversion, when each has at least MIN_TIMED_REVIEWS timed reviews; else fsrs-rs's defaults.
 */
export function reviewCosts(reviews: Iterable<TimedReview>): { costs: ReviewCosts; fromYourReviews: boolean } {
  const learn: number[] = [];
  const pass: number[] = [];
  const fail: number[] = [];
  for (const r of reviews) {
    if (r.durationMs == null || r.durationMs <= 0 || r.durationMs > MAX_REVIEW_MS) continue;
    if (r.state === 0 && r.rating >= 1) learn.push(r.durationMs);
    else if (r.state === 2 && r.rating >= 2) pass.push(r.durationMs);
    else if (r.state === 2 && r.rating === 1) fail.push(r.durationMs);
  }
  if ([learn, pass, fail].some((list) => list.length < MIN_TIMED_REVIEWS)) return { costs: DEFAULT_COSTS, fromYourReviews: false };
  return { costs: { learn: median(learn) / 1000, pass: median(pass) / 1000, fail: (median(fail) / 1000) * LOSS_AVERSION }, fromYourReviews: true };
}
