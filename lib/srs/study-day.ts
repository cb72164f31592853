// Study days: "today" runs from the user's day-start hour (default 4 am, like Anki) in the
// user's time zone to the same hour the next day. DST-aware through @date-fns/tz.
import { TZDate } from "@date-fns/tz";

export interface StudyDay {
  /** the local calendar date the study day belongs to, "YYYY-MM-DD" */
  key: string;
  start: Date;
  end: Date;
}

export function studyDay(now: Date, timeZone: string, dayStartHour: number): StudyDay {
  const local = new TZDate(now.getTime(), timeZone);
  let start = new TZDate(local.getFullYear(), local.getMonth(), local.getDate(), dayStartHour, 0, 0, 0, timeZone);
  if (start.getTime() > now.getTime()) {
    start = new TZDate(local.getFullYear(), local.getMonth(), local.getDate() - 1, dayStartHour, 0, 0, 0, timeZone);
  }
  const end = new TZDate(start.getFullYear(), start.getMonth(), start.getDate() + 1, dayStartHour, 0, 0, 0, timeZone);
  const key = `${start.getFullYear()}-${String(start.getMonth() + 1).padStart(2, "0")}-${String(start.getDate()).padStart(2, "0")}`;
  return { key, start: new Date(start.getTime()), end: new Date(end.getTime()) };
}
