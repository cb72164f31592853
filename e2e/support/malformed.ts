// Generated malformed requests for the bad-input attack. "app" requests are framed exactly like
// the browser's (right Origin, right encoding) with bad values inside, so the app's own code
// answers them; "framework" requests break the framing itself (body, Origin, path, method, size),
// which Next.js parses before any app code runs. Each is built to be refused: none may change data.
import type { ActionRef } from "./actions-http";
import { formActionBody } from "./actions-http";
import { ACTIONS, type ActionName } from "./app-actions";
import { encodeArgs } from "./flight";
import { hex, int, junkNonString, junkNumberText, junkString, junkValue, pick, type Rng } from "./junk";
import type { Victim } from "./victim";

export interface Attack {
  category: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
  /** send the victim's session cookie */
  signedIn: boolean;
  /** sign-in attempts come from their own loopback address so the shared server's limits stay clean */
  localAddress?: string;
  /** must be refused with a 4xx (not merely answered without a 5xx) */
  expect4xx?: boolean;
}

type Target = { victim: Victim; actions: Map<string, ActionRef>; port: number; trickSlug: string; categorySlug: string };

const unknownId = (rng: Rng) => pick(rng, ["c" + hex(rng, 24), "no-such-trick/what", junkString(rng, 40)]);

/** Replaces, deletes or adds a few fields of `base`; `key` is always made invalid. */
function corrupt(rng: Rng, base: Record<string, unknown>, key: string, invalid: () => unknown): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base, [key]: invalid() };
  if (rng() < 0.2) delete out[key];
  for (let i = int(rng, 0, 2); i > 0; i--) {
    const field = pick(rng, [...Object.keys(base), junkString(rng, 10)]);
    if (field === key) continue;
    if (rng() < 0.3) delete out[field];
    else out[field] = junkValue(rng);
  }
  return out;
}

export const ANONYMOUS_ONLY = new Set<ActionName>(["signOut", "signUp", "signIn", "signOutEverywhere", "startOptimization", "resetMyParameters", "applyOptimalRetention"]);

/** The arguments of a plain action: whole-argument junk, or a valid input with a field broken. */
function plainArgs(rng: Rng, name: ActionName, t: Target): unknown[] {
  const v = t.victim;
  if (rng() < 0.25) return pick(rng, [[], [junkValue(rng)], [junkValue(rng), junkValue(rng)], Array.from({ length: 20 }, () => junkValue(rng))]);
  switch (name) {
    case "recordReview": {
      const base = { cardId: v.graded.cardId, expectedVersion: v.graded.version, rating: 3, durationMs: 1000 };
      const key = pick(rng, ["cardId", "expectedVersion", "rating"]);
      const bad = { cardId: () => (rng() < 0.5 ? unknownId(rng) : junkNonString(rng)), expectedVersion: () => junkValue(rng), rating: () => junkValue(rng) }[key]!;
      return [corrupt(rng, base, key, bad)];
    }
    case "undoReview":
      return [corrupt(rng, { logId: v.lastLogId }, "logId", () => (rng() < 0.5 ? unknownId(rng) : junkNonString(rng)))];
    case "buryCard":
    case "suspendCard":
      return [corrupt(rng, { cardId: v.graded.cardId }, "cardId", () => (rng() < 0.5 ? unknownId(rng) : junkNonString(rng)))];
    case "answerQuiz": {
      // the victim's quiz is at position 1: any other position, or a broken attempt id, is refused
      const base = { attemptId: v.attemptId, position: 1, answer: "x", durationMs: 1000 };
      return rng() < 0.5 ? [corrupt(rng, base, "position", () => junkValue(rng))] : [corrupt(rng, base, "attemptId", () => (rng() < 0.5 ? unknownId(rng) : junkNonString(rng)))];
    }
    default:
      return [junkValue(rng)];
  }
}

/** The fields of a form action, each with one field that no rule accepts. */
function formFields(rng: Rng, name: ActionName, t: Target): Record<string, string | string[]> {
  const s = () => junkString(rng, 80);
  // field names as a page could have them (printable); the values are anything
  const key = () => junkString(rng, 30).replace(/[^\x20-\x7e]/g, "_");
  const some = (): Record<string, string> => Object.fromEntries(Array.from({ length: int(rng, 0, 3) }, () => [key(), s()]));
  switch (name) {
    case "signUp":
      return { ...some(), email: rng() < 0.5 ? s() : `${hex(rng, 8)}@example.com`, password: pick(rng, ["", "short1", "no digits here", "x".repeat(201) + "1"]), name: s(), timeZone: s(), next: s() };
    case "signIn":
      return { ...some(), email: rng() < 0.5 ? s() : `${hex(rng, 8)}@example.com`, password: s(), next: s() };
    case "setCardSuspended":
      return rng() < 0.5 ? { cardId: t.victim.graded.cardId, suspend: s() } : { cardId: rng() < 0.5 ? s() : "no-such-trick/what", suspend: pick(rng, ["true", "false"]) };
    case "updateSettings":
      return { ...some(), desiredRetention: junkNumberText(rng), maximumInterval: junkNumberText(rng), learningSteps: s(), relearningSteps: s(), timeZone: s(), categories: [s(), t.categorySlug] };
    case "updateDailyGoal":
      return { ...some(), dailyGoal: junkNumberText(rng) };
    case "startQuiz":
      return { ...some(), mode: s(), categories: [s(), t.categorySlug], length: s(), order: s(), style: s() };
    case "reviewMissed":
      return { ...some(), attemptId: rng() < 0.5 ? unknownId(rng) : s() };
    default:
      return some();
  }
}

function actionRequest(t: Target, name: ActionName, body: string | Buffer, contentType: string, extra: Partial<Attack> = {}): Attack {
  const ref = t.actions.get(`${ACTIONS[name].file}#${ACTIONS[name].name}`)!;
  const page = name === "answerQuiz" || name === "reviewMissed" ? `/quiz/${t.victim.attemptId}` : ref.page;
  return {
    category: `app: ${name}`,
    method: "POST",
    path: page,
    headers: { accept: "text/x-component", "next-action": ref.id, "content-type": contentType, origin: `http://localhost:${t.port}` },
    body,
    // actions that take no input act on the caller whatever it sends (sign-out would end the
    // victim's session, start-optimization would queue a job): those go anonymous
    signedIn: !ANONYMOUS_ONLY.has(name),
    localAddress: name === "signIn" || name === "signUp" ? "127.0.0.20" : undefined,
    ...extra,
  };
}

/** Well-framed requests with bad values: `n` per action, plus GETs of pages with bad parameters. */
export function appAttacks(rng: Rng, t: Target, n: number): Attack[] {
  const out: Attack[] = [];
  for (const name of Object.keys(ACTIONS) as ActionName[]) {
    for (let i = 0; i < n; i++) {
      if (ACTIONS[name].kind === "args") out.push(actionRequest(t, name, encodeArgs(plainArgs(rng, name, t)), "text/plain;charset=UTF-8"));
      else {
        const before = ACTIONS[name].kind === "form-only" ? [] : [rng() < 0.3 ? junkValue(rng) : {}];
        const { body, contentType } = formActionBody(formFields(rng, name, t), before);
        out.push(actionRequest(t, name, body, contentType));
      }
    }
  }
  const q = () => encodeURIComponent(junkString(rng, 60));
  const pages = [() => `/tricks?q=${q()}`, () => `/tricks/${q()}`, () => `/categories/${q()}`, () => `/quiz/${q()}`, () => `/signin?next=${q()}`, () => `/review?card=${q()}`, () => `/${q()}`, () => `/progress?sort=${q()}`, () => `/api/auth/${q()}`, () => `/api/auth/callback/credentials?error=${q()}`];
  for (let i = 0; i < n * 2; i++) out.push({ category: "app: page with bad parameters", method: "GET", path: pick(rng, pages)(), headers: {}, signedIn: rng() < 0.5 });
  return out;
}

/**
 * Every action called with the wrong shape of arguments, as any client can send them: none at
 * all, the FormData missing or in the wrong place, a FormData where plain input is expected.
 */
export function argumentShapeAttacks(rng: Rng, t: Target, n: number): Attack[] {
  const out: Attack[] = [];
  for (const name of Object.keys(ACTIONS) as ActionName[]) {
    for (let i = 0; i < n; i++) {
      const shape = i % 4;
      const attack =
        shape === 0
          ? actionRequest(t, name, encodeArgs([]), "text/plain;charset=UTF-8")
          : shape === 1
            ? actionRequest(t, name, encodeArgs([junkValue(rng), junkValue(rng)]), "text/plain;charset=UTF-8")
            : (() => {
                const before = shape === 2 ? [] : [junkValue(rng), junkValue(rng)];
                const { body, contentType } = formActionBody({ cardId: t.victim.graded.cardId, dailyGoal: "x", email: "x" }, before);
                return actionRequest(t, name, body, contentType);
              })();
      out.push({ ...attack, category: `argument shapes: ${name}` });
    }
  }
  return out;
}
