// Trickdeck's server actions, named once for the attack suite, and an HTTP-only user.
// A test that lists "every action" uses ACTIONS; allActionsCovered() fails when the build has an
// action in server/actions/ that this table does not know, so a new action cannot slip past.
import { randomBytes } from "node:crypto";
import { ActionClient, loadActions, type ActionRef, type ActionResponse } from "./actions-http";

export const PASSWORD = "correct horse 42";

/** file#name of every action, and how it takes its input. */
export const ACTIONS = {
  signUp: { file: "server/actions/sign-up.ts", name: "signUp", kind: "form" },
  signIn: { file: "server/actions/sign-in.ts", name: "signInWithPassword", kind: "form" },
  signInGitHub: { file: "server/actions/sign-in.ts", name: "signInWithGitHub", kind: "form-only" },
  signOut: { file: "server/actions/sign-out.ts", name: "signOutUser", kind: "form-only" },
  loadReview: { file: "server/actions/load-review.ts", name: "loadReview", kind: "args" },
  recordReview: { file: "server/actions/record-review.ts", name: "recordReview", kind: "args" },
  undoReview: { file: "server/actions/undo-review.ts", name: "undoReview", kind: "args" },
  buryCard: { file: "server/actions/bury-card.ts", name: "buryCard", kind: "args" },
  suspendCard: { file: "server/actions/suspend-card.ts", name: "suspendCard", kind: "args" },
  setCardSuspended: { file: "server/actions/set-card-suspended.ts", name: "setCardSuspended", kind: "form" },
  updateSettings: { file: "server/actions/update-settings.ts", name: "updateSettings", kind: "form" },
  updateDailyGoal: { file: "server/actions/update-daily-goal.ts", name: "updateDailyGoal", kind: "form" },
  startQuiz: { file: "server/actions/start-quiz.ts", name: "startQuiz", kind: "form" },
  answerQuiz: { file: "server/actions/answer-quiz.ts", name: "answerQuiz", kind: "args" },
  reviewMissed: { file: "server/actions/review-missed.ts", name: "reviewMissed", kind: "form-only" },
  signOutEverywhere: { file: "server/actions/sign-out-everywhere.ts", name: "signOutEverywhere", kind: "args" },
  changePassword: { file: "server/actions/change-password.ts", name: "changePassword", kind: "form" },
  resetCard: { file: "server/actions/reset-card.ts", name: "resetCard", kind: "form" },
  startLeechQuiz: { file: "server/actions/start-leech-quiz.ts", name: "startLeechQuiz", kind: "form" },
  adoptFittedParameters: { file: "server/actions/adopt-parameters.ts", name: "adoptFittedParameters", kind: "args" },
  deleteMyAccount: { file: "server/actions/delete-account.ts", name: "deleteMyAccount", kind: "form" },
  readOptimizerStatus: { file: "server/actions/read-optimizer-status.ts", name: "readOptimizerStatus", kind: "args" },
  resetMyParameters: { file: "server/actions/reset-parameters.ts", name: "resetMyParameters", kind: "args" },
  startOptimization: { file: "server/actions/start-optimization.ts", name: "startOptimization", kind: "args" },
  applyOptimalRetention: { file: "server/actions/apply-optimal-retention.ts", name: "applyOptimalRetention", kind: "args" },
} as const;

export type ActionName = keyof typeof ACTIONS;

/** The action keys of the build under server/actions/ that ACTIONS does not name. */
export function unknownActions(actions: Map<string, ActionRef>): string[] {
  const known = new Set(Object.values(ACTIONS).map((a) => `${a.file}#${a.name}`));
  return [...actions.keys()].filter((k) => k.startsWith("server/actions/") && !known.has(k));
}

/** Calls a named action with plain args, form fields, or raw fields for the form kinds. */
export function callAction(client: ActionClient, name: ActionName, input: unknown, opts: { path?: string; headers?: Record<string, string> } = {}): Promise<ActionResponse> {
  const a = ACTIONS[name];
  if (a.kind === "args") return client.call(a.file, a.name, Array.isArray(input) ? input : [input], opts);
  const fields = (input && typeof input === "object" && !Array.isArray(input) ? input : {}) as Record<string, string | string[]>;
  return client.form(a.file, a.name, fields, { ...opts, ...(a.kind === "form-only" ? { before: [] } : {}) });
}

let counter = 0;
export const uniqueEmail = (tag: string) => `${tag}-${Date.now()}-${process.pid}-${counter++}-${randomBytes(3).toString("hex")}@example.com`;

export function newClient(port: number, opts: ConstructorParameters<typeof ActionClient>[2] = {}) {
  return new ActionClient(port, loadActions(), opts);
}

/** Signs up through the sign-up action (as the browser form does) and keeps the session cookie. */
export async function signUpHttp(client: ActionClient, tag = "attack"): Promise<{ email: string; response: ActionResponse }> {
  const email = uniqueEmail(tag);
  const response = await callAction(client, "signUp", { next: "/review", timeZone: "UTC", name: "", email, password: PASSWORD });
  if (!response.redirect) throw new Error(`sign-up of ${email} did not redirect: ${response.status} ${JSON.stringify(response.value) ?? response.decodeError}`);
  return { email, response };
}

export async function signInHttp(client: ActionClient, email: string, password: string): Promise<ActionResponse> {
  return callAction(client, "signIn", { next: "/review", email, password });
}

/** The shape every review action answers with (server/actions/review-result.ts). */
export type ReviewResult = {
  ok: boolean;
  error?: string;
  view: { card: { cardId: string; version: number } | null } | null;
  undo?: { logId: string } | null;
};

export const asReview = (r: ActionResponse) => r.value as ReviewResult | undefined;

/** The shared production server of the e2e run (playwright.config.ts webServer) and its database. */
export const SHARED_PORT = Number(process.env.E2E_PORT ?? 3100);
export const SHARED_DB = "data/e2e.db";
