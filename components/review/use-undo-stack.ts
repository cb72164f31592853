"use client";

import { useCallback, useMemo, useSyncExternalStore } from "react";

const PREFIX = "trickdeck:undo:";
const MAX = 500;
const CHANGED = "trickdeck:undo-changed";

function parse(raw: string): string[] {
  try {
    const value: unknown = JSON.parse(raw);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string").slice(-MAX) : [];
  } catch {
    return [];
  }
}

function readRaw(key: string): string {
  try {
    return localStorage.getItem(key) ?? "[]";
  } catch {
    return "[]";
  }
}

function write(key: string, ids: string[]) {
  try {
    localStorage.setItem(key, JSON.stringify(ids));
    // other days' stacks can never be undone (the server refuses other days): drop them
    for (let i = localStorage.length - 1; i >= 0; i--) {
      const k = localStorage.key(i);
      if (k?.startsWith(PREFIX) && k !== key) localStorage.removeItem(k);
    }
  } catch {
    // storage full or disabled: nothing to keep across a reload
  }
  window.dispatchEvent(new Event(CHANGED));
}

function subscribe(onChange: () => void) {
  window.addEventListener(CHANGED, onChange);
  window.addEventListener("storage", onChange); // another tab of this device
  return () => {
    window.removeEventListener(CHANGED, onChange);
    window.removeEventListener("storage", onChange);
  };
}

/**
 * The log ids of this device's grades today, newest last, kept in localStorage under the user and
 * the study day (`key`) so that Z keeps walking back after a reload or a visit elsewhere. The
 * stack is only a list of candidates: the server checks every id (own, today, still the latest
 * change to its card) before undoing anything.
 */
export function useUndoStack(key: string) {
  const storageKey = PREFIX + key;
  // the server render has no storage: an empty stack until hydrated
  const raw = useSyncExternalStore(subscribe, () => readRaw(storageKey), () => "[]");
  const ids = useMemo(() => parse(raw), [raw]);
  const push = useCallback((id: string) => write(storageKey, [...parse(readRaw(storageKey)).filter((x) => x !== id), id].slice(-MAX)), [storageKey]);
  const drop = useCallback((id: string) => write(storageKey, parse(readRaw(storageKey)).filter((x) => x !== id)), [storageKey]);
  const top = ids.at(-1) ?? null;
  return useMemo(() => ({ top, size: ids.length, push, drop }), [top, ids.length, push, drop]);
}
