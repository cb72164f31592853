import "server-only";
import { leechChange, trickSection, type LeechChange, type LeechNotice } from "@/lib/srs/leech";
import type { StudySettings } from "@/lib/srs/settings";
import type { Prisma } from "@/generated/prisma/client";

interface NoticeCard {
  kind: string;
  trickSlug: string;
  trick: { name: string; why: string | null; when: string | null };
}

/** The notice for the review screen, and whether "flag and suspend" suspends the card now. */
export function leechVerdict(change: LeechChange, cardId: string, card: NoticeCard, lapsesAfter: number, settings: StudySettings) {
  if (!change) return { suspend: false, notice: null };
  const suspend = change === "leech" && settings.leechAction === "suspend";
  const notice: LeechNotice = {
    kind: change === "leech" ? "leech" : "leech-warning",
    cardId,
    trickSlug: card.trickSlug,
    trickName: card.trick.name,
    lapses: lapsesAfter,
    threshold: settings.leechThreshold,
    suspended: suspend,
    href: `/tricks/${card.trickSlug}#${trickSection(card.kind, card.trick)}`,
  };
  return { suspend, notice };
}

/**
 * What the leech rule makes of one grade (lapses before -> after), inside the grade's transaction:
 * whether to suspend the card now ("flag and suspend"), and the notice for the review screen.
 * The trick is read only when there is something to say, so ordinary grades cost nothing more.
 */
export async function leechOutcome(tx: Prisma.TransactionClient, cardId: string, lapsesBefore: number, lapsesAfter: number, settings: StudySettings) {
  const change = leechChange(lapsesBefore, lapsesAfter, settings.leechThreshold);
  if (!change) return { suspend: false, notice: null };
  const card = await tx.card.findUniqueOrThrow({ where: { id: cardId }, select: { kind: true, trickSlug: true, trick: { select: { name: true, why: true, when: true } } } });
  return leechVerdict(change, cardId, card, lapsesAfter, settings);
}
