// Runs once when the server starts: invalid configuration (a missing AUTH_SECRET in production,
// half a GitHub OAuth pair) stops the server with a clear message instead of failing a request.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { appEnv } = await import("./server/env");
    appEnv();
    // the parameter optimizer's job worker (server/optimizer/worker.ts), off the request path
    const [{ startOptimizerWorker }, { db }] = await Promise.all([import("./server/optimizer/worker"), import("./server/db")]);
    startOptimizerWorker(db);
  }
}
