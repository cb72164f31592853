"use client";

import { useSyncExternalStore } from "react";

const noop = () => () => {};

/** False during server rendering and hydration, true once the client has taken over (keyboard handlers attached). */
export const useHydrated = () => useSyncExternalStore(noop, () => true, () => false);
