"use server";

import { signOut } from "@/server/auth";

export async function signOutUser(): Promise<void> {
  await signOut({ redirectTo: "/" });
}
