// Reviews due on each of the next days; anything overdue is due today.
import { countsPerStudyDay, shiftDay, type HourCount } from "./days";

export function forecast(dueHours: readonly HourCount[], today: string, timeZone: string, dayStartHour: number, days = 30): { key: string; count: number }[] {
  const perDay = countsPerStudyDay(dueHours, timeZone, dayStartHour);
  let overdue = 0;
  for (const [key, count] of perDay) if (key < today) overdue += count;
  return Array.from({ length: days }, (_, i) => {
    const key = shiftDay(today, i);
    return { key, count: (perDay.get(key) ?? 0) + (i === 0 ? overdue : 0) };
  });
}
