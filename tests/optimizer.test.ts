// The optimizer on a simulated learner whose memory follows known FSRS parameters (ts-fsrs,
// fixed seed), then the job machinery on a real SQLite file: refusal, one active job per user,
// atomic claim, adopt, and a chunked reschedule that resumes after an interruption.
import { convertCsvToFsrsItems, FSRSBinding, FSRSBindingItem, FSRSBindingReview } from "@open-spaced-repetition/binding";
import { default_w } from "ts-fsrs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { optimizeResultSchema } from "@/lib/fsrs-fit/job-result";
import { metricsOf } from "@/lib/fsrs-fit/metrics";
import { predict } from "@/lib/fsrs-fit/predict";
import { reviewLogCsv } from "@/lib/fsrs-fit/review-csv";
import { splitByTime } from "@/lib/fsrs-fit/time-split";
import { buildTrainingItems, studyDayNumber, type FitItem } from "@/lib/fsrs-fit/training-items";
import { cardToRow } from "@/lib/srs/mapper";
import { replay } from "@/lib/srs/scheduler";
import { DEFAULT_SETTINGS } from "@/lib/srs/settings";
import { adoptParameters } from "@/server/optimizer/adopt";
import { fitAndEvaluate } from "@/server/optimizer/fit";
import { claimNextJob, enqueueJob, requestOptimization } from "@/server/optimizer/jobs";
import { RESCHEDULE_CHUNK } from "@/server/optimizer/run-job";
import { optimizerStatus } from "@/server/optimizer/status";
import { saveDesiredRetention } from "@/server/settings/save-settings";
import { DEFAULT_COSTS } from "@/lib/fsrs-fit/optimal-retention";
import { workOnce } from "@/server/optimizer/worker";
import { simulateLearner, TRUE_WEIGHTS } from "@/scripts/history/simulate-learner";
import { twoUserDb } from "./helpers/two-users";
import type { TestDb } from "./helpers/test-db";

const logs = simulateLearner({ cards: 400, days: 365, seed: 42 });
const items = buildTrainingItems(logs, studyDayNumber("UTC", 0));
const show = (list: { reviews: { rating: number; deltaT: number }[] }[]) => list.map((i) => i.reviews.map((r) => `${r.rating}@${r.deltaT}`).join(" ")).sort();
const byCard = new Map<string, typeof logs>();
for (const l of logs) byCard.set(l.cardId, [...(byCard.get(l.cardId) ?? []), l]);
const logsOf = (cardId: string) => byCard.get(cardId) ?? [];
const toBinding = (list: readonly FitItem[]) => list.map((i) => new FSRSBindingItem(i.reviews.map((r) => new FSRSBindingReview(r.rating, r.deltaT))));

describe("fitting a simulated learner", () => {
  let fitted: Awaited<ReturnType<typeof fitAndEvaluate>>;
  beforeAll(async () => {
    fitted = await fitAndEvaluate(items, null, new Date("2026-01-01T00:00:00Z"));
  });

  it("has a few thousand reviews, turned into the same items fsrs-rs makes from our CSV", () => {
    expect(logs.length).toBeGreaterThan(2500);
    expect(logs.length).toBeLessThan(5000);
    const theirs = convertCsvToFsrsItems(Buffer.from(reviewLogCsv(logs.map((l) => ({ ...l, durationMs: 5000 })))), 0, "UTC", () => 0);
    expect(show(items)).toEqual(show(theirs));
  });

  it("fitted parameters beat the defaults on held-out (later) reviews, on both figures", () => {
    expect(fitted.testReviews).toBe(splitByTime(items).test.length);
    expect(fitted.fitted.logLoss).toBeLessThan(fitted.current.logLoss - 0.01);
    expect(fitted.fitted.rmseBins).toBeLessThan(fitted.current.rmseBins);
  });

  it("fitted parameters land closer to the true ones than the defaults: in predicted recall and in the decay", () => {
    const { test } = splitByTime(items);
    const truth = predict(test, TRUE_WEIGHTS);
    const gap = (w: number[] | null) => predict(test, w).reduce((s, p, k) => s + Math.abs(p.p - truth[k].p), 0) / test.length;
    expect(gap(fitted.weights)).toBeLessThan(gap(null) / 2);
    // w20 (the forgetting curve's decay) is well determined by a year of reviews
    expect(Math.abs(fitted.weights[20] - TRUE_WEIGHTS[20])).toBeLessThan(Math.abs(default_w[20] - TRUE_WEIGHTS[20]));
  });

  it("our metrics agree with fsrs-rs's own evaluation of the same held-out items", () => {
    const { test } = splitByTime(items);
    const ours = metricsOf(predict(test, fitted.weights));
    const theirs = new FSRSBinding(fitted.weights).evaluate(toBinding(test));
    expect(Math.abs(ours.logLoss - theirs.logLoss)).toBeLessThan(0.004);
    expect(Math.abs(ours.rmseBins - theirs.rmseBins)).toBeLessThan(0.01);
  });
});

describe("optimizer jobs on a real database", () => {
  let t: TestDb;
  let alice: string;
  let bob: string;
  const now = new Date("2026-01-01T00:00:00Z");

  beforeAll(async () => {
    ({ t, alice, bob } = await twoUserDb());
    const cardIds = [...new Set(logs.map((l) => l.cardId))];
    await t.db.$transaction(async (tx) => {
      await tx.trick.create({ data: { slug: "sim", categorySlug: "training", title: "Sim", name: "Sim", summary: "s", what: "w", aliases: [], tags: [], corrections: [], position: 99, contentHash: "x" } });
      await tx.card.createMany({ data: cardIds.map((id, position) => ({ id, trickSlug: "sim", key: id.slice(4), kind: "what", prompt: "p", answer: "a", position, contentHash: "x" })) });
      await tx.reviewLog.createMany({ data: logs.map((l) => ({ userId: alice, cardId: l.cardId, rating: l.rating, state: l.state, due: l.review, stability: 0, difficulty: 0, elapsedDays: 0, lastElapsedDays: 0, scheduledDays: 0, learningSteps: 0, review: l.review, previousDue: l.review })) });
      await tx.userSettings.create({ data: { userId: alice, timeZone: "UTC", dayStartHour: 0, enableFuzz: false } });
      const states = cardIds.map((cardId) => ({ userId: alice, cardId, ...cardToRow(replay(logsOf(cardId), { ...DEFAULT_SETTINGS, enableFuzz: false }, cardId)!) }));
      await tx.cardState.createMany({ data: states });
    });
  }, 60_000);
  afterAll(() => t.close());

  it("refuses below the minimum history, with the number", async () => {
    await t.db.$transaction((tx) => tx.reviewLog.create({ data: { userId: bob, cardId: "sim/0", rating: 3, state: 0, due: now, stability: 0, difficulty: 0, elapsedDays: 0, lastElapsedDays: 0, scheduledDays: 0, learningSteps: 0, review: now, previousDue: now } }));
    await expect(requestOptimization(t.db, bob)).rejects.toThrow(/at least 400 .*you have 0/);
    expect(await t.db.optimizerJob.count({ where: { userId: bob } })).toBe(0);
  });

  it("queues one job; a second request while it is queued is refused; one claim wins", async () => {
    const id = await requestOptimization(t.db, alice);
    await expect(requestOptimization(t.db, alice)).rejects.toThrow(/already queued or running/);
    await expect(enqueueJob(t.db, alice, "reschedule")).rejects.toThrow(/already queued or running/);
    expect(await t.db.optimizerJob.count({ where: { userId: alice } })).toBe(1);
    const claims = await Promise.all([claimNextJob(t.db, "a", now), claimNextJob(t.db, "b", now)]);
    expect(claims.filter(Boolean).map((j) => j!.id)).toEqual([id]);
    await t.db.$transaction((tx) => tx.optimizerJob.update({ where: { id }, data: { status: "queued", claimedBy: null } }));
  });

  it("the worker fits, the result is shown, adopting stores the parameters and reschedules every card in chunks", async () => {
    expect(await workOnce(t.db, "w", () => now)).toBe(true);
    const status = await optimizerStatus(t.db, alice);
    expect(status.active).toBeNull();
    expect(status.last).toMatchObject({ status: "done", adopted: false });
    const result = optimizeResultSchema.parse(status.last!.result);
    expect(result.fitted.logLoss).toBeLessThan(result.current.logLoss);

    await adoptParameters(t.db, alice, status.last!.jobId, true);
    const settings = await t.db.userSettings.findUniqueOrThrow({ where: { userId: alice } });
    expect(settings.fsrsWeights).toEqual(result.weights);
    expect((await optimizerStatus(t.db, alice)).active).toMatchObject({ kind: "reschedule", status: "queued" });
    await workOnce(t.db, "w", () => now);
    const job = await t.db.optimizerJob.findFirstOrThrow({ where: { userId: alice, kind: "reschedule" } });
    expect(job).toMatchObject({ status: "done", progress: 1, processed: 400, activeKey: null });
    // every card now holds the replay of its log under the adopted parameters
    const newSettings = { ...DEFAULT_SETTINGS, enableFuzz: false, timeZone: "UTC", dayStartHour: 0, fsrsWeights: result.weights };
    for (const cardId of ["sim/0", "sim/123", "sim/399"]) {
      const state = await t.db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: alice, cardId } } });
      expect(state.stability).toBeCloseTo(replay(logsOf(cardId), newSettings, cardId)!.stability, 9);
    }
  });

  it("an interrupted reschedule is picked up again and resumes after its cursor; rerunning changes nothing", async () => {
    const ids = (await t.db.cardState.findMany({ where: { userId: alice }, orderBy: { cardId: "asc" }, select: { cardId: true } })).map((c) => c.cardId);
    const cursor = ids[2 * RESCHEDULE_CHUNK - 1];
    const before = new Map((await t.db.cardState.findMany({ where: { userId: alice } })).map((s) => [s.cardId, s]));
    const jobId = await enqueueJob(t.db, alice, "reschedule");
    // an instance died after two chunks: running, cursor set, row untouched for an hour
    await t.db.$transaction((tx) => tx.optimizerJob.update({ where: { id: jobId }, data: { status: "running", cursor, processed: 2 * RESCHEDULE_CHUNK, updatedAt: new Date(now.getTime() - 3_600_000) } }));
    expect(await workOnce(t.db, "w2", () => now)).toBe(true);
    const after = await t.db.cardState.findMany({ where: { userId: alice } });
    const bumped = after.filter((s) => s.version !== before.get(s.cardId)!.version).map((s) => s.cardId).sort();
    expect(bumped).toEqual(ids.slice(2 * RESCHEDULE_CHUNK));
    // the same replay again: identical schedules
    expect(after.every((s) => s.stability === before.get(s.cardId)!.stability && s.due.getTime() === before.get(s.cardId)!.due.getTime())).toBe(true);
    expect(await t.db.optimizerJob.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({ status: "done", processed: 400 });
  });

  it("the optimal retention: from the user's review times in the job, kept on adopt; defaults without a fit; 'Use it' saves it", async () => {
    // bob has no fit: the default parameters with fsrs-rs's default costs
    const plain = (await optimizerStatus(t.db, bob)).current;
    expect(plain.optimalRetention).toMatchObject({ costs: DEFAULT_COSTS, fromYourReviews: false });
    expect(plain.optimalRetention.retention).toBeGreaterThanOrEqual(0.7);
    expect(plain.optimalRetention.retention).toBeLessThanOrEqual(0.95);

    // alice's reviews get durations: first reviews 12 s, passed reviews 6 s, failed reviews 20 s
    await t.db.$transaction(async (tx) => {
      await tx.reviewLog.updateMany({ where: { userId: alice, state: 0 }, data: { durationMs: 12_000 } });
      await tx.reviewLog.updateMany({ where: { userId: alice, state: 2, rating: { gte: 2 } }, data: { durationMs: 6_000 } });
      await tx.reviewLog.updateMany({ where: { userId: alice, state: 2, rating: 1 }, data: { durationMs: 20_000 } });
    });
    await requestOptimization(t.db, alice);
    expect(await workOnce(t.db, "w", () => new Date(now.getTime() + 60_000))).toBe(true);
    const last = (await optimizerStatus(t.db, alice)).last!;
    const found = last.result!.optimalRetention!;
    // 20 s x fsrs-rs's loss aversion 2.5 = 50 s for a failure
    expect(found).toMatchObject({ costs: { learn: 12, pass: 6, fail: 50 }, fromYourReviews: true });
    expect(found.retention).toBeGreaterThanOrEqual(0.7);
    expect(found.retention).toBeLessThanOrEqual(0.95);

    await adoptParameters(t.db, alice, last.jobId, false);
    const adopted = (await optimizerStatus(t.db, alice)).current;
    expect(adopted.fit?.optimalRetention).toEqual(found);
    expect(adopted.optimalRetention).toEqual(found);

    expect(await saveDesiredRetention(t.db, alice, adopted.optimalRetention.retention)).toMatch(/Desired retention set to/);
    expect((await optimizerStatus(t.db, alice)).current.desiredRetention).toBe(found.retention);
    await expect(saveDesiredRetention(t.db, alice, 0.5)).rejects.toThrow(/between 0.70 and 0.99/);
  }, 60_000);
});
