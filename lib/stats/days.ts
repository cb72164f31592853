// Per-day series in the user's study days, from counts the database grouped by UTC hour.
import { studyDay } from "../srs/study-day";

export interface HourCount {
  /** "YYYY-MM-DDTHH" in UTC, as the database groups it */
  hour: string;
  count: number;
}

/** The instant an hour bucket stands for (its middle, so a whole-hour day start never splits it). */
const hourInstant = (hour: string) => new Date(`${hour}:30:00Z`);

/**
 * The time zone's UTC offset in minutes at an instant. A year of hour buckets needs thousands of
 * look-ups, so the offset is read once per UTC day (Intl is slow) and per hour only on the rare
 * days when it changes (daylight saving).
 */
function offsetFinder(timeZone: string) {
  const fmt = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric" });
  const at = (ms: number) => {
    const p = Object.fromEntries(fmt.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
    const wall = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute));
    return Math.round((wall - Math.floor(ms / 60_000) * 60_000) / 60_000);
  };
  const perDay = new Map<string, number | null>();
  return (ms: number, utcDay: string) => {
    let fixed = perDay.get(utcDay);
    if (fixed === undefined) {
      const start = Date.parse(`${utcDay}T00:00:00Z`);
      const a = at(start);
      fixed = a === at(start + 86_399_000) ? a : null;
      perDay.set(utcDay, fixed);
    }
    return fixed ?? at(ms);
  };
}

/**
 * Sums hour buckets into study days ("YYYY-MM-DD" -> count) in the user's time zone: a bucket
 * belongs to the local date of its wall-clock time minus the day-start hour (see lib/srs/study-day).
 */
export function countsPerStudyDay(hours: readonly HourCount[], timeZone: string, dayStartHour: number): Map<string, number> {
  const offset = offsetFinder(timeZone);
  const days = new Map<string, number>();
  for (const { hour, count } of hours) {
    const ms = hourInstant(hour).getTime();
    const local = new Date(ms + offset(ms, hour.slice(0, 10)) * 60_000 - dayStartHour * 3_600_000);
    const key = local.toISOString().slice(0, 10);
    days.set(key, (days.get(key) ?? 0) + count);
  }
  return days;
}

/** The slow, exact way, for checking countsPerStudyDay. */
export const studyDayOfHour = (hour: string, timeZone: string, dayStartHour: number) => studyDay(hourInstant(hour), timeZone, dayStartHour).key;

/** Calendar arithmetic on day keys (as UTC dates, so no time zone or DST gets in the way). */
export const shiftDay = (key: string, days: number) => new Date(Date.parse(`${key}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Monday = 0 ... Sunday = 6 */
export const weekdayOf = (key: string) => (new Date(`${key}T00:00:00Z`).getUTCDay() + 6) % 7;
