"use server";

import { z } from "zod";
import { signOut } from "@/server/auth";
import { revokeUserSessions } from "@/server/sessions";
import { userAction } from "./pipeline";

/** Ends every session of the user, on every device, this one included. */
export async function signOutEverywhere(): Promise<void> {
  await userAction({ name: "sign-out-everywhere", schema: z.unknown() }, null, async ({ user, db }) => {
    await revokeUserSessions(db, user.id);
  });
  await signOut({ redirectTo: "/signin?signedOut=everywhere" });
}
