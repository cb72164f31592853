"use client";

import { useCallback, useEffect, useMemo, useRef, useState, useTransition } from "react";
import { RenderedHtml } from "@/components/ui/rendered-html";
import { answerDuration, GRADE_NAMES } from "@/lib/srs/grades";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { LeechNotice } from "@/lib/srs/leech";
import { buryCard } from "@/server/actions/bury-card";
import { loadReview } from "@/server/actions/load-review";
import { recordReview } from "@/server/actions/record-review";
import type { ReviewActionResult } from "@/server/actions/review-result";
import { suspendCard } from "@/server/actions/suspend-card";
import { undoReview } from "@/server/actions/undo-review";
import type { ReviewView } from "@/lib/views/review";
import { LeechNoticeBanner } from "./leech-notice";
import { SessionSummary } from "./session-summary";
import { useReviewKeys } from "./use-review-keys";
import { useUndoStack } from "./use-undo-stack";

const GRADE_STYLE = {
  1: "border-red-300 hover:bg-red-50 dark:border-red-500/50 dark:hover:bg-red-500/10",
  2: "border-amber-300 hover:bg-amber-50 dark:border-amber-500/50 dark:hover:bg-amber-500/10",
  3: "border-emerald-300 hover:bg-emerald-50 dark:border-emerald-500/50 dark:hover:bg-emerald-500/10",
  4: "border-sky-300 hover:bg-sky-50 dark:border-sky-500/50 dark:hover:bg-sky-500/10",
} as const;

/** `undoKey` names this user's study day: the undo stack of this device is kept under it. */
export function ReviewSession({ initialView, timeZone, undoKey }: { initialView: ReviewView; timeZone: string; undoKey: string }) {
  const [view, setView] = useState(initialView);
  const [revealed, setRevealed] = useState(false);
  const undoStack = useUndoStack(undoKey);
  const [notice, setNotice] = useState<LeechNotice | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const shownAt = useRef<number>(0);
  const busy = useRef(false);
  const card = view.card;
  const ready = useHydrated();

  const apply = useCallback((result: ReviewActionResult) => {
    if (result.view) {
      setView(result.view);
      setRevealed(false);
    }
    if (result.ok) {
      setMessage(null);
      setNotice(result.notice ?? null);
    } else {
      setMessage(result.error);
    }
  }, []);

  // one request at a time: a second key press while the first is in flight is ignored
  const run = useCallback(
    (fn: () => Promise<ReviewActionResult>, afterwards?: (r: ReviewActionResult) => void) => {
      if (busy.current) return;
      busy.current = true;
      startTransition(async () => {
        try {
          const result = await fn();
          apply(result);
          afterwards?.(result);
        } catch {
          setMessage("Could not reach the server. Your last answer may not be saved; try again.");
        } finally {
          busy.current = false;
        }
      });
    },
    [apply],
  );

  const handlers = useMemo(
    () => ({
      reveal: () => {
        if (card && !revealed) setRevealed(true);
      },
      grade: (rating: 1 | 2 | 3 | 4) => {
        if (!card || !revealed) return;
        const durationMs = answerDuration(shownAt.current || performance.now(), performance.now());
        run(() => recordReview({ cardId: card.cardId, expectedVersion: card.version, rating, durationMs }), (r) => r.ok && r.undo && undoStack.push(r.undo.logId));
      },
      undo: () => {
        // walk back this device's grades of today, newest first; the server checks each one
        const token = undoStack.top;
        if (!token) return setMessage("There is nothing to undo.");
        run(
          () => undoReview({ logId: token }),
          (r) => {
            if (r.ok || r.code === "nothing_to_undo") undoStack.drop(token);
            if (r.ok) setMessage("Undone: the card is back as it was.");
          },
        );
      },
      suspend: () => {
        if (card) run(() => suspendCard({ cardId: card.cardId }), (r) => r.ok && setMessage("Card suspended. It will not come up until you unsuspend it."));
      },
      bury: () => {
        if (card) run(() => buryCard({ cardId: card.cardId }), (r) => r.ok && setMessage("Card buried until tomorrow."));
      },
    }),
    [card, revealed, undoStack, run],
  );
  useReviewKeys(handlers, true);

  // the clock for "time per card" starts when a card (or a card restored by undo) is shown
  useEffect(() => {
    shownAt.current = performance.now();
  }, [card?.cardId, card?.version]);

  const remaining = view.remaining.learning + view.remaining.review + view.remaining.new;
  const total = view.doneToday + remaining;
  const percent = total === 0 ? 100 : Math.round((view.doneToday / total) * 100);

  return (
    <div className="space-y-4" data-ready={ready || undefined} data-testid="review-session">
      <div>
        <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
          <span data-testid="progress-text">
            {view.doneToday} done · {remaining} left today
          </span>
          <span className="flex gap-3 text-slate-600 dark:text-slate-400" aria-label="Remaining by kind">
            <span title="Learning">
              <span className="font-semibold text-amber-600 dark:text-amber-400" data-testid="remaining-learning">{view.remaining.learning}</span> learning
            </span>
            <span title="Review">
              <span className="font-semibold text-emerald-600 dark:text-emerald-400">{view.remaining.review}</span> review
            </span>
            <span title="New">
              <span className="font-semibold text-indigo-600 dark:text-indigo-400">{view.remaining.new}</span> new
            </span>
          </span>
        </div>
        <div
          className="mt-2 h-2 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800"
          role="progressbar"
          aria-label="Today's progress"
          aria-valuemin={0}
          aria-valuemax={total}
          aria-valuenow={view.doneToday}
        >
          <div className="h-full rounded-full bg-indigo-600 transition-all" style={{ width: `${percent}%` }} />
        </div>
      </div>

      <p aria-live="polite" role="status" className={message ? "rounded-lg bg-slate-100 px-3 py-2 text-sm dark:bg-slate-800" : "sr-only"} data-testid="review-message">
        {message}
      </p>
      {notice && <LeechNoticeBanner notice={notice} onDismiss={() => setNotice(null)} />}

      {card ? (
        <section aria-label="Card" className="card-surface p-5 sm:p-8" data-testid="review-card" data-card-id={card.cardId}>
          <div className="flex flex-wrap items-center gap-2 text-xs font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">
            <span>{card.trick.category}</span>
            <span aria-hidden="true">·</span>
            <span className="normal-case tracking-normal">{card.trick.name}</span>
            <span className="badge ml-auto normal-case tracking-normal">{card.kindLabel}</span>
          </div>
          <RenderedHtml html={card.frontHtml} className="mt-4 text-lg font-medium sm:text-xl" />

          {revealed ? (
            <div className="mt-6 border-t border-slate-200 pt-6 dark:border-slate-800" data-testid="answer">
              <h2 className="sr-only">Answer</h2>
              <RenderedHtml html={card.backHtml} className="card-answer text-base sm:text-lg" />
              {card.referencesHtml.length > 0 && (
                <ul className="mt-4 space-y-1 text-sm text-slate-600 dark:text-slate-400" aria-label="References">
                  {card.referencesHtml.map((html) => (
                    <li key={html}>
                      <RenderedHtml html={html} inline />
                    </li>
                  ))}
                </ul>
              )}
              <a href={`/tricks/${card.trick.slug}`} target="_blank" rel="noopener noreferrer" className="mt-3 inline-block text-sm link">
                Read the whole trick
              </a>
              <div className="mt-6 grid grid-cols-2 gap-2 sm:grid-cols-4" role="group" aria-label="Grade your answer">
                {([1, 2, 3, 4] as const).map((g) => (
                  <button
                    key={g}
                    type="button"
                    disabled={pending}
                    onClick={() => handlers.grade(g)}
                    className={`flex min-h-14 flex-col items-center justify-center rounded-lg border-2 bg-white px-3 py-3 font-semibold sm:min-h-0 sm:py-2 transition-colors disabled:opacity-50 dark:bg-slate-900 ${GRADE_STYLE[g]}`}
                    aria-keyshortcuts={String(g)}
                  >
                    <span>{GRADE_NAMES[g]}</span>
                    <span className="text-xs font-normal text-slate-600 dark:text-slate-400" data-testid={`interval-${g}`}>
                      {card.intervals[g]} <span className="sr-only">until next review</span>
                      <kbd className="kbd-hint ml-1 hidden rounded border border-slate-300 px-1 text-[10px] sm:inline dark:border-slate-600">{g}</kbd>
                    </span>
                  </button>
                ))}
              </div>
            </div>
          ) : (
            <button type="button" onClick={handlers.reveal} className="btn-primary mt-8 min-h-12 w-full sm:min-h-0 sm:w-auto" aria-keyshortcuts="Space Enter">
              Show answer <kbd className="kbd-hint rounded bg-indigo-500 px-1.5 text-xs">Space</kbd>
            </button>
          )}
        </section>
      ) : (
        <SessionSummary view={view} timeZone={timeZone} onRefresh={() => run(() => loadReview())} />
      )}

      <div className="flex flex-wrap items-center gap-2 text-sm">
        <button type="button" className="btn-ghost" onClick={handlers.undo} disabled={!undoStack.top || pending} aria-keyshortcuts="Z Control+Z">
          Undo <kbd className="kbd-hint text-xs text-slate-600 dark:text-slate-400">Z</kbd>
        </button>
        {card && (
          <>
            <button type="button" className="btn-ghost" onClick={handlers.bury} disabled={pending} aria-keyshortcuts="B">
              Bury until tomorrow <kbd className="kbd-hint text-xs text-slate-600 dark:text-slate-400">B</kbd>
            </button>
            <button type="button" className="btn-ghost" onClick={handlers.suspend} disabled={pending} aria-keyshortcuts="S">
              Suspend <kbd className="kbd-hint text-xs text-slate-600 dark:text-slate-400">S</kbd>
            </button>
          </>
        )}
        {view.suspended > 0 && <span className="text-slate-500 dark:text-slate-400">{view.suspended} suspended</span>}
      </div>
    </div>
  );
}
