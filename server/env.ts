import "server-only";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

// Configuration, validated once. In production AUTH_SECRET must be set (npm start sets it from
// data/auth-secret for a local run); in development a local secret is generated and kept there.
const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters (openssl rand -base64 32)").optional(),
    AUTH_GITHUB_ID: z.string().min(1).optional(),
    AUTH_GITHUB_SECRET: z.string().min(1).optional(),
  })
  .superRefine((env, ctx) => {
    if (!!env.AUTH_GITHUB_ID !== !!env.AUTH_GITHUB_SECRET) {
      ctx.addIssue({ code: "custom", path: ["AUTH_GITHUB_ID"], message: "set both AUTH_GITHUB_ID and AUTH_GITHUB_SECRET to enable GitHub sign-in, or neither" });
    }
  });

export interface AppEnv {
  authSecret: string;
  github: { clientId: string; clientSecret: string } | null;
}

let cached: AppEnv | null = null;

/** Validates an environment; `makeLocalSecret` supplies a secret outside production. */
export function parseAppEnv(raw: Record<string, string | undefined>, makeLocalSecret: () => string = localSecret): AppEnv {
  // an empty variable counts as unset
  const parsed = schema.safeParse(Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== "")));
  if (!parsed.success) {
    throw new Error(`Invalid configuration:\n${parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n")}`);
  }
  const env = parsed.data;
  let authSecret = env.AUTH_SECRET;
  if (!authSecret) {
    if (env.NODE_ENV === "production") {
      throw new Error("AUTH_SECRET is not set. Generate one (openssl rand -base64 32) and set it in the environment; `npm start` does this for a local run.");
    }
    authSecret = makeLocalSecret();
  }
  return {
    authSecret,
    github: env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET ? { clientId: env.AUTH_GITHUB_ID, clientSecret: env.AUTH_GITHUB_SECRET } : null,
  };
}

export function appEnv(): AppEnv {
  cached ??= parseAppEnv(process.env);
  return cached;
}

function localSecret(): string {
  const file = path.resolve("data/auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64");
  writeFileSync(file, secret + "\n", { mode: 0o600 });
  return secret;
}
