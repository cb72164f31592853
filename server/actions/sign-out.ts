"use server";

import { z } from "zod";
import { currentSessionId, signOut } from "@/server/auth";
import { revokeSession } from "@/server/sessions";
import { publicAction } from "./pipeline";

/** Ends this session on the server (the cookie alone no longer works), then clears the cookie. */
export async function signOutUser(): Promise<void> {
  await publicAction({ name: "sign-out", schema: z.unknown() }, null, async ({ db }) => {
    const sid = await currentSessionId();
    if (sid) await revokeSession(db, sid);
    await signOut({ redirectTo: "/" });
  });
}
