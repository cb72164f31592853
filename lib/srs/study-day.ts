// Study days: "today" runs from the user's day-start hour (default 4 am, like Anki) in the
// user's time zone to the same hour the next day. DST-aware through @date-fns/tz.
import { TZDate } from "@date-fns/tz";

export interface StudyDay {
  /** the local calendar date the study day belongs to, "YYYY-MM-DD" */
  key: string;
  start: Date;
  end: Date;
}

// The last study day computed per (time zone, start hour): a request asks for "today" several
// times, and every request of the day has the same answer. A moment inside [start, end) belongs
// to that day by definition, so the memo answers exactly what the computation would.
const lastDay = new Map<string, { key: string; start: number; end: number }>();

export function studyDay(now: Date, timeZone: string, dayStartHour: number): StudyDay {
  const memoKey = `${timeZone}|${dayStartHour}`;
  const t = now.getTime();
  const hit = lastDay.get(memoKey);
  if (hit && hit.start <= t && t < hit.end) return { key: hit.key, start: new Date(hit.start), end: new Date(hit.end) };
  const day = computeStudyDay(now, timeZone, dayStartHour);
  if (lastDay.size >= 1000) lastDay.clear();
  lastDay.set(memoKey, { key: day.key, start: day.start.getTime(), end: day.end.getTime() });
  return day;
}

function computeStudyDay(now: Date, timeZone: string, dayStartHour: number): StudyDay {
  const local = new TZDate(now.getTime(), timeZone);
  let start = new TZDate(local.getFullYear(), local.getMonth(), local.getDate(), dayStartHour, 0, 0, 0, timeZone);
  if (start.getTime() > now.getTime()) {
    start = new TZDate(local.getFullYear(), local.getMonth(), local.getDate() - 1, dayStartHour, 0, 0, 0, timeZone);
  }
  const end = new TZDate(start.getFullYear(), start.getMonth(), start.getDate() + 1, dayStartHour, 0, 0, 0, timeZone);
  const key = `${start.getFullYear()}-${String(start.getMonth() + 1).padStart(2, "0")}-${String(start.getDate()).padStart(2, "0")}`;
  return { key, start: new Date(start.getTime()), end: new Date(end.getTime()) };
}
