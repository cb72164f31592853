import "server-only";
import { AuthError, CredentialsSignin } from "next-auth";
import { AppError } from "@/lib/app-error";
import { signIn } from "@/server/auth";

const MESSAGES: Record<string, string> = {
  too_many_attempts: "Too many sign-in attempts from your network for this account. Wait 15 minutes, then try again.",
  busy: "The server is busy. Try again in a moment.",
};

/** Signs in with email and password through Auth.js; throws the redirect on success, AppError otherwise. */
export async function signInWithCredentials(email: string, password: string, redirectTo: string): Promise<never> {
  try {
    await signIn("credentials", { email, password, redirectTo });
  } catch (err) {
    if (err instanceof CredentialsSignin) throw new AppError(err.code === "credentials" ? "wrong_credentials" : err.code, MESSAGES[err.code] ?? "Wrong email or password.");
    if (err instanceof AuthError) throw new AppError("sign_in_failed", "Signing in failed. Try again.");
    throw err; // the redirect after a successful sign-in
  }
  throw new AppError("sign_in_failed", "Signing in failed. Try again.");
}
