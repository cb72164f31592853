// Per-day series in the user's study days, from counts the database grouped by UTC hour.
import { addDays, format, parse } from "date-fns";
import { studyDay } from "../srs/study-day";

export interface HourCount {
  /** "YYYY-MM-DDTHH" in UTC, as the database groups it */
  hour: string;
  count: number;
}

/** The instant an hour bucket stands for (its middle, so a whole-hour day start never splits it). */
const hourInstant = (hour: string) => new Date(`${hour}:30:00Z`);

/** Sums hour buckets into study days ("YYYY-MM-DD" -> count) in the user's time zone. */
export function countsPerStudyDay(hours: readonly HourCount[], timeZone: string, dayStartHour: number): Map<string, number> {
  const days = new Map<string, number>();
  const keyOfHour = new Map<string, string>();
  for (const { hour, count } of hours) {
    let key = keyOfHour.get(hour);
    if (!key) {
      key = studyDay(hourInstant(hour), timeZone, dayStartHour).key;
      keyOfHour.set(hour, key);
    }
    days.set(key, (days.get(key) ?? 0) + count);
  }
  return days;
}

/** Calendar arithmetic on day keys. */
export const shiftDay = (key: string, days: number) => format(addDays(parse(key, "yyyy-MM-dd", new Date(2000, 0, 1)), days), "yyyy-MM-dd");

/** Monday = 0 ... Sunday = 6 */
export const weekdayOf = (key: string) => (parse(key, "yyyy-MM-dd", new Date(2000, 0, 1)).getDay() + 6) % 7;
