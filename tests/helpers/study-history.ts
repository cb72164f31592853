// A small but varied study history for one user, made through the real review and quiz code paths
// (grades over several days, a lapse, a suspended card, a quiz attempt with an answered item).
import { DEFAULT_SETTINGS } from "@/lib/srs/settings";
import type { PrismaClient } from "@/prisma/client";
import { suspendCard } from "@/server/review/card-flags";
import { recordReview } from "@/server/review/grade";

const DAY = 86_400_000;
export const T0 = new Date("2026-03-02T09:00:00Z");
export const historySettings = { ...DEFAULT_SETTINGS, enableFuzz: false };

export async function studyHistory(db: PrismaClient, userId: string): Promise<void> {
  const plan: [string, number, number][] = [
    ["fan-in-init/what", 0, 3],
    ["fan-in-init/what", 1, 3],
    ["fan-in-init/what", 4, 1],
    ["fan-in-init/what", 4.01, 3],
    ["fan-in-init/why", 0, 4],
    ["second-trick/what", 2, 2],
    ["second-trick/what", 5, 3],
    ["second-trick/bound", 3, 3],
  ];
  for (const [cardId, day, rating] of plan) {
    const state = await db.cardState.findUnique({ where: { userId_cardId: { userId, cardId } }, select: { version: true } });
    await recordReview(db, userId, { cardId, expectedVersion: state?.version ?? 0, rating: rating as 1 | 2 | 3 | 4, durationMs: 3000 + day * 100 }, new Date(T0.getTime() + day * DAY), historySettings);
  }
  await suspendCard(db, userId, "second-trick/why", new Date(T0.getTime() + 6 * DAY));
  await db.$transaction((tx) =>
    tx.quizAttempt.create({
      data: {
        userId,
        mode: "multiple-choice",
        style: "name",
        categories: ["initialization"],
        cardKinds: [],
        seed: 7,
        startedAt: new Date(T0.getTime() + 6 * DAY),
        items: { create: [{ position: 0, kind: "name", cardId: "fan-in-init/what", prompt: "Which trick?", choices: ["A", "B"], correct: "A", given: "B", isCorrect: false, answeredAt: new Date(T0.getTime() + 6 * DAY + 5000), durationMs: 5000 }] },
      },
    }),
  );
  await db.$transaction((tx) => tx.userSettings.upsert({ where: { userId }, create: { userId, desiredRetention: 0.85, timeZone: "Europe/Paris", fsrsWeights: [...Array(21).keys()].map((i) => i / 10 + 0.1) }, update: {} }));
}
