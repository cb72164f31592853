// Production servers of the attack suite's own, next to the shared one: each on its own port and
// SQLite file, started in its own process group so a SIGKILL takes down the whole tree at once.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, rmSync } from "node:fs";
import { rawRequest } from "./http";

export interface ServerOptions {
  port: number;
  /** SQLite file, e.g. data/attack-crash.db */
  dbFile: string;
  /** another DATABASE_URL (e.g. postgres://...) in place of the SQLite file */
  databaseUrl?: string;
  /** AUTH_SECRET: instances that share one database and one session cookie share it too */
  secret?: string;
  env?: Record<string, string>;
  /** "next": `next start` directly; "npm-start": scripts/start.mjs (the production entry point) */
  via?: "next" | "npm-start";
}

export class AppServer {
  readonly secret: string;
  private child: ChildProcess | null = null;
  private output: string[] = [];

  constructor(readonly opts: ServerOptions) {
    this.secret = opts.secret ?? randomBytes(32).toString("base64");
  }

  private env(): NodeJS.ProcessEnv {
    return {
      ...process.env,
      PORT: String(this.opts.port),
      DATABASE_URL: this.opts.databaseUrl ?? `file:./${this.opts.dbFile}`,
      AUTH_SECRET: this.secret,
      NEXT_TELEMETRY_DISABLED: "1",
      SKIP_BUILD: "1",
      SIGNUP_LIMIT_PER_HOUR: "1000",
      // the suite signs up many users at once; the hash budget (bench:flood measures it) is not under test here
      PASSWORD_HASHES_PER_SECOND: "500",
      ...this.opts.env,
    };
  }

  /** No database file: scripts/start.mjs creates, migrates and syncs it on start. */
  removeDb(): void {
    for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(this.opts.dbFile + suffix, { force: true });
  }

  /** A fresh database file, migrated and synced from content/ (for `next start`, which does not). */
  prepareFreshDb(): void {
    this.removeDb();
    const r = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/prepare-db.ts"], { env: this.env(), encoding: "utf8" });
    if (r.status !== 0) throw new Error(`prepare-db failed for ${this.opts.dbFile}:\n${r.stdout}\n${r.stderr}`);
  }

  /** Starts the server and waits until /tricks answers 200. */
  async start(timeoutMs = 150_000): Promise<void> {
    if (!existsSync(".next/BUILD_ID")) throw new Error("no production build in .next: the shared webServer builds it first");
    const args = this.opts.via === "npm-start" ? ["scripts/start.mjs"] : ["node_modules/next/dist/bin/next", "start", "-p", String(this.opts.port)];
    this.output = [];
    const child = spawn(process.execPath, args, { env: this.env(), detached: true, stdio: ["ignore", "pipe", "pipe"] });
    for (const s of [child.stdout, child.stderr]) s?.on("data", (d: Buffer) => this.output.push(d.toString()));
    this.child = child;
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`server on ${this.opts.port} exited with ${child.exitCode}:\n${this.log()}`);
      const ok = await rawRequest({ port: this.opts.port, path: "/tricks", timeoutMs: 5_000 }).then((r) => r.status === 200, () => false);
      if (ok) return;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`server on ${this.opts.port} did not answer within ${timeoutMs} ms:\n${this.log()}`);
  }

  /** Sends `signal` to the server's whole process group and waits for it to exit. */
  async stop(signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
    const child = this.child;
    if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    try {
      process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    this.child = null;
  }

  /** A mark in the server's output; since(mark) is what it printed after. */
  mark(): number {
    return this.output.join("").length;
  }

  since(mark: number): string {
    return this.output.join("").slice(mark);
  }

  log(): string {
    return this.output.join("").slice(-4000);
  }
}
