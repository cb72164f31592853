"use client";

import { useCallback, useEffect, useMemo, useState } from "react";

const PREFIX = "trickdeck:undo:";
const MAX = 500;

function read(key: string): string[] {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(key) ?? "[]");
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string").slice(-MAX) : [];
  } catch {
    return [];
  }
}

function write(key: string, ids: string[]) {
  try {
    localStorage.setItem(key, JSON.stringify(ids));
    // yesterday's stacks can never be undone (the server refuses other days): drop them
    for (let i = localStorage.length - 1; i >= 0; i--) {
      const k = localStorage.key(i);
      if (k?.startsWith(PREFIX) && k !== key) localStorage.removeItem(k);
    }
  } catch {
    // storage full or disabled: undo still works until the page is left
  }
}

/**
 * The log ids of this device's grades today, newest last, kept in localStorage under the user and
 * the study day (`key`) so that Z keeps walking back after a reload or a visit elsewhere. The
 * stack is only a list of candidates: the server checks every id (own, today, still the latest
 * change to its card) before undoing anything.
 */
export function useUndoStack(key: string) {
  const storageKey = PREFIX + key;
  const [ids, setIds] = useState<string[]>([]);
  // read after hydration: the server render has no storage
  useEffect(() => setIds(read(storageKey)), [storageKey]);

  const update = useCallback(
    (change: (ids: string[]) => string[]) =>
      setIds((current) => {
        const next = change(current).slice(-MAX);
        write(storageKey, next);
        return next;
      }),
    [storageKey],
  );
  const push = useCallback((id: string) => update((s) => [...s.filter((x) => x !== id), id]), [update]);
  const drop = useCallback((id: string) => update((s) => s.filter((x) => x !== id)), [update]);
  const top = ids.at(-1) ?? null;
  return useMemo(() => ({ top, size: ids.length, push, drop }), [top, ids.length, push, drop]);
}
