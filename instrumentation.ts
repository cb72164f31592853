// Runs once when the server starts: invalid configuration (a missing AUTH_SECRET in production,
// half a GitHub OAuth pair) stops the server with a clear message instead of failing a request.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { appEnv } = await import("./server/env");
    appEnv();
  }
}
