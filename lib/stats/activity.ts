// Streaks and the year heatmap, from reviews per study day.
import { shiftDay, weekdayOf } from "./days";

export interface Streaks {
  current: number;
  longest: number;
}

/**
 * The current streak counts consecutive study days with at least one review up to today; a day
 * not yet studied today does not break it (it counts up to yesterday).
 */
export function streaks(perDay: ReadonlyMap<string, number>, today: string): Streaks {
  const studied = (key: string) => (perDay.get(key) ?? 0) > 0;
  let current = 0;
  let day = studied(today) ? today : shiftDay(today, -1);
  while (studied(day)) {
    current++;
    day = shiftDay(day, -1);
  }
  const keys = [...perDay.keys()].filter(studied).sort();
  let longest = 0;
  let run = 0;
  let previous: string | null = null;
  for (const key of keys) {
    run = previous !== null && shiftDay(previous, 1) === key ? run + 1 : 1;
    longest = Math.max(longest, run);
    previous = key;
  }
  return { current, longest: Math.max(longest, current) };
}

export interface HeatmapDay {
  key: string;
  count: number;
  /** 0 (none) to 4 (most), relative to the user's own busiest days */
  level: 0 | 1 | 2 | 3 | 4;
  future: boolean;
}

/** Weeks (Monday first) covering the last `weeks` weeks up to the week of `today`. */
export function heatmap(perDay: ReadonlyMap<string, number>, today: string, weeks = 53): HeatmapDay[][] {
  const lastMonday = shiftDay(today, -weekdayOf(today));
  const first = shiftDay(lastMonday, -7 * (weeks - 1));
  const counts = [...perDay.values()].filter((n) => n > 0).sort((a, b) => a - b);
  // quartiles of the user's non-zero days, so the colours spread whatever their volume
  const q = (p: number) => counts[Math.floor(p * (counts.length - 1))] ?? 0;
  const cuts = [q(0.25), q(0.5), q(0.75)];
  const level = (n: number): HeatmapDay["level"] => (n <= 0 ? 0 : n <= cuts[0] ? 1 : n <= cuts[1] ? 2 : n <= cuts[2] ? 3 : 4);
  const grid: HeatmapDay[][] = [];
  for (let w = 0; w < weeks; w++) {
    const week: HeatmapDay[] = [];
    for (let d = 0; d < 7; d++) {
      const key = shiftDay(first, w * 7 + d);
      const count = perDay.get(key) ?? 0;
      week.push({ key, count, level: level(count), future: key > today });
    }
    grid.push(week);
  }
  return grid;
}
