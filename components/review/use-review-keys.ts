"use client";

import { useEffect } from "react";

export interface ReviewKeyHandlers {
  reveal: () => void;
  grade: (rating: 1 | 2 | 3 | 4) => void;
  undo: () => void;
  suspend: () => void;
  bury: () => void;
}

/** Space/Enter reveal, 1-4 grade, Z or Ctrl+Z undo, S suspend, B bury. Ignored while typing. */
export function useReviewKeys(handlers: ReviewKeyHandlers, enabled: boolean) {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName))) return;
      if (e.altKey || e.metaKey) return;
      const key = e.key.toLowerCase();
      if (key === "z" && !e.shiftKey) {
        e.preventDefault();
        handlers.undo();
        return;
      }
      if (e.ctrlKey) return;
      if (key === " " || key === "enter") {
        // let a focused button (e.g. a grade button) act on Enter/Space itself
        if (target?.tagName === "BUTTON" || target?.tagName === "A" || target?.tagName === "SUMMARY") return;
        e.preventDefault();
        handlers.reveal();
      } else if (["1", "2", "3", "4"].includes(key)) {
        e.preventDefault();
        handlers.grade(Number(key) as 1 | 2 | 3 | 4);
      } else if (key === "s") {
        e.preventDefault();
        handlers.suspend();
      } else if (key === "b") {
        e.preventDefault();
        handlers.bury();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [handlers, enabled]);
}
