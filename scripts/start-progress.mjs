// What `npm start` says while it works: each step, how long it should take, and a heartbeat
// during the long build so a first start is never silent.

/** "45 s", "1 min 20 s" */
export function formatSeconds(seconds) {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  return s % 60 === 0 ? `${s / 60} min` : `${Math.floor(s / 60)} min ${s % 60} s`;
}

/** The line announcing a build: the last build's time when known, else what a first build takes. */
export function buildAnnouncement(lastSeconds, firstBuild) {
  const why = firstBuild ? "first start: building the app" : "sources changed: rebuilding the app";
  const estimate = Number.isFinite(lastSeconds) && lastSeconds > 0 ? `about ${formatSeconds(lastSeconds)} last time` : "usually 1 to 2 minutes on a laptop";
  return `[start] ${why} with Next.js (${estimate}). The build prints little while it compiles; a line every 15 s shows it is still working.`;
}

/** The heartbeat line after `elapsed` seconds of a build expected to take `expected` (or unknown). */
export function heartbeat(elapsed, expected) {
  const left = Number.isFinite(expected) && expected > elapsed ? `, about ${formatSeconds(expected - elapsed)} to go` : "";
  return `[start] still building… ${formatSeconds(elapsed)}${left}`;
}
