"use client";

import Link from "next/link";
import { useMemo, useState } from "react";
import { sortTricks, type TrickRow, type TrickSortKey } from "@/lib/stats/mastery";

const COLUMNS: { key: TrickSortKey; label: string }[] = [
  { key: "name", label: "Trick" },
  { key: "recall", label: "Recall now" },
  { key: "stability", label: "Stability" },
  { key: "lapses", label: "Lapses" },
  { key: "lastReview", label: "Last review" },
  { key: "nextDue", label: "Next due" },
];

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : "–");

/** Per-trick mastery, weakest first; every column header sorts. */
export function TrickTable({ rows, categorySlugs, leechTricks = [] }: { rows: TrickRow[]; categorySlugs: Record<string, string>; leechTricks?: string[] }) {
  const [sort, setSort] = useState<{ key: TrickSortKey; desc: boolean }>({ key: "recall", desc: false });
  const [showAll, setShowAll] = useState(false);
  const sorted = useMemo(() => sortTricks(rows, sort.key, sort.desc), [rows, sort]);
  const visible = showAll ? sorted : sorted.slice(0, 15);
  return (
    <div>
      <div className="overflow-x-auto">
        <table className="w-full min-w-[640px] text-left text-sm" data-testid="trick-table">
          <caption className="sr-only">Mastery per trick, sorted by {COLUMNS.find((c) => c.key === sort.key)!.label}</caption>
          <thead>
            <tr className="border-b border-slate-200 dark:border-slate-700">
              {COLUMNS.map((c) => (
                <th key={c.key} scope="col" aria-sort={sort.key === c.key ? (sort.desc ? "descending" : "ascending") : "none"} className="py-2 pr-3">
                  <button
                    type="button"
                    className="font-semibold hover:underline"
                    onClick={() => setSort((s) => ({ key: c.key, desc: s.key === c.key ? !s.desc : false }))}
                  >
                    {c.label}
                    {sort.key === c.key ? (sort.desc ? " ↓" : " ↑") : ""}
                  </button>
                </th>
              ))}
              <th scope="col" className="py-2">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {visible.map((r) => (
              <tr key={r.slug} className="border-b border-slate-100 dark:border-slate-800">
                <td className="py-2 pr-3">
                  <Link href={`/tricks/${r.slug}`} className="link">
                    {r.name}
                  </Link>
                  {leechTricks.includes(r.slug) && (
                    <a href="#leeches" className="badge ml-2 bg-red-100 text-red-800 dark:bg-red-500/20 dark:text-red-200" title="One of this trick's cards is a leech" data-testid="leech-badge">
                      leech
                    </a>
                  )}
                  <span className="block text-xs text-slate-500">
                    {r.category} · {r.studied}/{r.cards} cards studied
                  </span>
                </td>
                <td className="py-2 pr-3 tabular-nums">{r.studied ? `${Math.round((r.recall ?? 0) * 100)}%` : "–"}</td>
                <td className="py-2 pr-3 tabular-nums">{r.studied && r.stability !== null ? `${r.stability < 10 ? r.stability.toFixed(1) : Math.round(r.stability)} d` : "–"}</td>
                <td className="py-2 pr-3 tabular-nums">{r.studied ? r.lapses : "–"}</td>
                <td className="py-2 pr-3 tabular-nums">{day(r.lastReview)}</td>
                <td className="py-2 pr-3 tabular-nums">{day(r.nextDue)}</td>
                <td className="py-2">
                  <Link href={`/quiz?category=${categorySlugs[r.slug]}`} className="link whitespace-nowrap text-xs">
                    Quiz this
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length > 15 && (
        <button type="button" className="btn-ghost mt-3" onClick={() => setShowAll((s) => !s)}>
          {showAll ? "Show the 15 weakest" : `Show all ${rows.length} tricks`}
        </button>
      )}
    </div>
  );
}
