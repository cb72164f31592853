"use client";

import Link from "next/link";
import { useMemo, useState } from "react";
import { sortTricks, type TrickRow, type TrickSortKey } from "@/lib/stats/mastery";
import { count } from "@/lib/text/plural";

const COLUMNS: { key: TrickSortKey; label: string }[] = [
  { key: "name", label: "Trick" },
  { key: "recall", label: "Recall now" },
  { key: "stability", label: "Stability" },
  { key: "lapses", label: "Lapses" },
  { key: "lastReview", label: "Last review" },
  { key: "nextDue", label: "Next due" },
];

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : "–");
const recallText = (r: TrickRow) => (r.studied ? `${Math.round((r.recall ?? 0) * 100)}%` : "–");
const stabilityText = (r: TrickRow) => (r.studied && r.stability !== null ? `${r.stability < 10 ? r.stability.toFixed(1) : Math.round(r.stability)} d` : "–");
type Sort = { key: TrickSortKey; desc: boolean };

/** Per-trick mastery, weakest first; every column header sorts. */
export function TrickTable({ rows, categorySlugs, leechTricks = [] }: { rows: TrickRow[]; categorySlugs: Record<string, string>; leechTricks?: string[] }) {
  const [sort, setSort] = useState<Sort>({ key: "recall", desc: false });
  const [showAll, setShowAll] = useState(false);
  const sorted = useMemo(() => sortTricks(rows, sort.key, sort.desc), [rows, sort]);
  const visible = showAll ? sorted : sorted.slice(0, 15);
  return (
    <div>
      {/* a phone gets one card per trick; a table of seven columns does not fit */}
      <TrickCards rows={visible} categorySlugs={categorySlugs} sort={sort} onSort={setSort} />
      <div className="hidden overflow-x-auto sm:block" tabIndex={0} role="region" aria-label="Tricks, weakest first (table)">
        <table className="w-full text-left text-sm" data-testid="trick-table">
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
                  <Link prefetch={false} href={`/tricks/${r.slug}`} className="link">
                    {r.name}
                  </Link>
                  {leechTricks.includes(r.slug) && (
                    <a href="#leeches" className="badge ml-2 bg-red-100 text-red-800 dark:bg-red-500/20 dark:text-red-200" title="One of this trick's cards is a leech" data-testid="leech-badge">
                      leech
                    </a>
                  )}
                  <span className="block text-xs text-slate-600 dark:text-slate-400">
                    {r.category} · {r.studied}/{count(r.cards, "card")} studied
                  </span>
                </td>
                <td className="py-2 pr-3 tabular-nums">{recallText(r)}</td>
                <td className="py-2 pr-3 tabular-nums">{stabilityText(r)}</td>
                <td className="py-2 pr-3 tabular-nums">{r.studied ? r.lapses : "–"}</td>
                <td className="py-2 pr-3 tabular-nums">{day(r.lastReview)}</td>
                <td className="py-2 pr-3 tabular-nums">{day(r.nextDue)}</td>
                <td className="py-2">
                  <Link prefetch={false} href={`/quiz?category=${categorySlugs[r.slug]}`} className="link whitespace-nowrap text-xs">
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
          {showAll ? "Show the 15 weakest" : `Show all ${count(rows.length, "trick")}`}
        </button>
      )}
    </div>
  );
}

function TrickCards({ rows, categorySlugs, sort, onSort }: { rows: TrickRow[]; categorySlugs: Record<string, string>; sort: Sort; onSort: (s: Sort) => void }) {
  return (
    <div className="sm:hidden">
      <label className="flex items-center gap-2 text-sm">
        Sort by
        <select
          className="rounded-md border border-slate-300 bg-white px-2 py-1.5 dark:border-slate-700 dark:bg-slate-900"
          value={`${sort.key}:${sort.desc ? "desc" : "asc"}`}
          onChange={(e) => {
            const [key, dir] = e.target.value.split(":");
            onSort({ key: key as TrickSortKey, desc: dir === "desc" });
          }}
        >
          <option value="recall:asc">Recall now, weakest first</option>
          <option value="lapses:desc">Most lapses</option>
          <option value="stability:asc">Stability, lowest first</option>
          <option value="nextDue:asc">Next due</option>
          <option value="lastReview:desc">Last reviewed</option>
          <option value="name:asc">Name</option>
        </select>
      </label>
      <ul className="mt-3 space-y-2" data-testid="trick-cards">
        {rows.map((r) => (
          <li key={r.slug} className="rounded-lg border border-slate-200 p-3 text-sm dark:border-slate-700">
            <div className="flex items-baseline justify-between gap-2">
              <Link prefetch={false} href={`/tricks/${r.slug}`} className="link">
                {r.name}
              </Link>
              <Link prefetch={false} href={`/quiz?category=${categorySlugs[r.slug]}`} className="link whitespace-nowrap text-xs" aria-label={`Quiz this: ${r.name}`}>
                Quiz this
              </Link>
            </div>
            <p className="text-xs text-slate-600 dark:text-slate-400">
              {r.category} · {r.studied}/{count(r.cards, "card")} studied
            </p>
            <dl className="mt-2 grid grid-cols-3 gap-x-3 gap-y-1 text-xs">
              {[
                ["Recall now", recallText(r)],
                ["Stability", stabilityText(r)],
                ["Lapses", r.studied ? String(r.lapses) : "–"],
                ["Last review", day(r.lastReview)],
                ["Next due", day(r.nextDue)],
              ].map(([label, value]) => (
                <div key={label}>
                  <dt className="text-slate-600 dark:text-slate-400">{label}</dt>
                  <dd className="tabular-nums">{value}</dd>
                </div>
              ))}
            </dl>
          </li>
        ))}
      </ul>
    </div>
  );
}
