import type { LeechNotice } from "@/lib/srs/leech";

/** Said after the grade that made a card a leech, or that reached half the leech threshold. */
export function LeechNoticeBanner({ notice, onDismiss }: { notice: LeechNotice; onDismiss: () => void }) {
  const leech = notice.kind === "leech";
  return (
    <aside
      aria-label={leech ? "Leech" : "Leech warning"}
      className={`rounded-lg border px-4 py-3 text-sm ${leech ? "border-red-300 bg-red-50 text-red-950 dark:border-red-500/50 dark:bg-red-500/10 dark:text-red-100" : "border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-500/50 dark:bg-amber-500/10 dark:text-amber-100"}`}
      data-testid="leech-notice"
      data-kind={notice.kind}
    >
      <p className="font-semibold">
        {leech ? `This card is a leech: you have forgotten it ${notice.lapses} times.` : `You have forgotten this card ${notice.lapses} times.`}
      </p>
      <p className="mt-1">
        {leech
          ? `More reviews of the same card will not fix that; understanding ${notice.trickName} better will.${notice.suspended ? " It is suspended until you reset or unsuspend it on your progress page." : ""}`
          : `At ${notice.threshold} it becomes a leech. A second look at ${notice.trickName} may help now.`}
      </p>
      <p className="mt-2 flex flex-wrap gap-4">
        <a href={notice.href} target="_blank" rel="noopener noreferrer" className="link font-medium">
          Re-read the trick
        </a>
        {leech && (
          <a href="/progress#leeches" className="link">
            Your leeches
          </a>
        )}
        <button type="button" className="link" onClick={onDismiss}>
          Dismiss
        </button>
      </p>
    </aside>
  );
}
