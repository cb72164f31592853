// Fixed expected card states from tests/fixtures/fsrs-fixtures.json (computed once with ts-fsrs by
// scripts/fixtures/fsrs-fixtures.ts): the inputs to replay and the states the app must reach.
import type { Grade } from "ts-fsrs";
import { DEFAULT_SETTINGS, type StudySettings } from "@/lib/srs/settings";
import data from "../fixtures/fsrs-fixtures.json";

export type FixtureName = keyof typeof data.cases;
export interface FixtureState {
  due: string;
  stability: number;
  difficulty: number;
  state: number;
  scheduled_days: number;
  learning_steps: number;
  reps: number;
  lapses: number;
  last_review: string | null;
}

export function fsrsFixture(name: FixtureName) {
  const c = data.cases[name];
  const settings: StudySettings = { ...DEFAULT_SETTINGS, enableFuzz: false, ...data.settings[c.settings as keyof typeof data.settings] };
  const reviews = c.reviews.map((r) => ({ rating: r.rating as Grade, at: new Date(r.at) }));
  const states: FixtureState[] = c.states;
  return { settings, reviews, states, final: states.at(-1)! };
}

/** A ts-fsrs card (or a CardState row) reduced to the fields the fixtures hold. */
export const asFixture = (c: { due: Date; stability: number; difficulty: number; state: number; scheduled_days: number; learning_steps: number; reps: number; lapses: number; last_review?: Date | null }): FixtureState => ({
  due: new Date(c.due).toISOString(),
  stability: c.stability,
  difficulty: c.difficulty,
  state: c.state,
  scheduled_days: c.scheduled_days,
  learning_steps: c.learning_steps,
  reps: c.reps,
  lapses: c.lapses,
  last_review: c.last_review ? new Date(c.last_review).toISOString() : null,
});

/** The same for a CardState row from the database. */
export const rowAsFixture = (r: { due: Date; stability: number; difficulty: number; state: number; scheduledDays: number; learningSteps: number; reps: number; lapses: number; lastReview: Date | null }) =>
  asFixture({ ...r, scheduled_days: r.scheduledDays, learning_steps: r.learningSteps, last_review: r.lastReview });
