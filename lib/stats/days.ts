// Per-day series in the user's study days, from counts the database grouped by UTC hour.
import { studyDay } from "../srs/study-day";

export interface HourCount {
  /** "YYYY-MM-DDTHH" in UTC, as the database groups it */
  hour: string;
  count: number;
}

/** The instant an hour bucket stands for (its middle, so a whole-hour day start never splits it). */
const hourInstant = (hour: string) => new Date(`${hour}:30:00Z`);

const HOUR = 3_600_000;
const DAY = 86_400_000;

/** Formatters per time zone (a few hundred zones at most), made once: one costs ~100 look-ups. */
const formatters = new Map<string, { offset: Intl.DateTimeFormat; wall: Intl.DateTimeFormat }>();

function formattersOf(timeZone: string) {
  let f = formatters.get(timeZone);
  if (!f) {
    f = {
      offset: new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" }),
      wall: new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric" }),
    };
    formatters.set(timeZone, f);
  }
  return f;
}

/**
 * The time zone's UTC offset in minutes at an instant. The offset's name ("GMT+05:30") is five
 * times cheaper to get than the wall clock's parts; anything else it may read (seconds in old
 * offsets) goes the slow way, wall clock minus UTC.
 */
function offsetAt(timeZone: string, ms: number): number {
  const f = formattersOf(timeZone);
  const name = /GMT(?:([+-])(\d\d):(\d\d))?$/.exec(f.offset.format(ms));
  if (name) return name[1] ? (name[1] === "-" ? -1 : 1) * (Number(name[2]) * 60 + Number(name[3])) : 0;
  const p = Object.fromEntries(f.wall.formatToParts(ms).map((x) => [x.type, x.value]));
  const wall = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute));
  return Math.round((wall - Math.floor(ms / 60_000) * 60_000) / 60_000);
}

/**
 * Sums hour buckets into study days ("YYYY-MM-DD" -> count) in the user's time zone: a bucket
 * belongs to the local date of its wall-clock time minus the day-start hour (see lib/srs/study-day).
 * A year of buckets needs thousands of look-ups, so the offset is read once per UTC day (at its
 * start, shared with the day before) and per hour only on the rare days when it changes
 * (daylight saving); buckets are read as numbers and day keys made once per day.
 */
export function countsPerStudyDay(hours: readonly HourCount[], timeZone: string, dayStartHour: number): Map<string, number> {
  const offsets = new Map<number, number>();
  const offset = (ms: number) => {
    let o = offsets.get(ms);
    if (o === undefined) offsets.set(ms, (o = offsetAt(timeZone, ms)));
    return o;
  };
  // per UTC day: its first instant and its offset, null when the offset changes within it
  const utcDays = new Map<string, { start: number; fixed: number | null }>();
  const keys = new Map<number, string>();
  const days = new Map<string, number>();
  for (const { hour, count } of hours) {
    const utcDay = hour.slice(0, 10);
    let d = utcDays.get(utcDay);
    if (!d) {
      const start = Date.parse(`${utcDay}T00:00:00Z`);
      const a = offset(start);
      d = { start, fixed: a === offset(start + DAY) ? a : null };
      utcDays.set(utcDay, d);
    }
    // the bucket's middle, so a whole-hour day start never splits it
    const ms = d.start + Number(hour.slice(11, 13)) * HOUR + HOUR / 2;
    const local = Math.floor((ms + (d.fixed ?? offsetAt(timeZone, ms)) * 60_000 - dayStartHour * HOUR) / DAY);
    let key = keys.get(local);
    if (key === undefined) keys.set(local, (key = new Date(local * DAY).toISOString().slice(0, 10)));
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
