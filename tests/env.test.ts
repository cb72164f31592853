import { describe, expect, it } from "vitest";
import { parseAppEnv } from "@/server/env";

const secret = "x".repeat(44);
const noLocal = () => {
  throw new Error("should not be called");
};

describe("configuration", () => {
  it("refuses to run in production without AUTH_SECRET, with a clear message", () => {
    expect(() => parseAppEnv({ NODE_ENV: "production" }, noLocal)).toThrow(/AUTH_SECRET is not set/);
    expect(() => parseAppEnv({ NODE_ENV: "production", AUTH_SECRET: "" }, noLocal)).toThrow(/AUTH_SECRET is not set/);
    expect(() => parseAppEnv({ NODE_ENV: "production", AUTH_SECRET: "short" }, noLocal)).toThrow(/at least 32 characters/);
  });

  it("uses a local secret in development", () => {
    expect(parseAppEnv({ NODE_ENV: "development" }, () => "local-secret")).toEqual({ authSecret: "local-secret", github: null });
  });

  it("switches GitHub sign-in on only with both variables", () => {
    expect(parseAppEnv({ NODE_ENV: "production", AUTH_SECRET: secret, AUTH_GITHUB_ID: "id", AUTH_GITHUB_SECRET: "s" }, noLocal).github).toEqual({ clientId: "id", clientSecret: "s" });
    expect(() => parseAppEnv({ NODE_ENV: "production", AUTH_SECRET: secret, AUTH_GITHUB_ID: "id" }, noLocal)).toThrow(/set both AUTH_GITHUB_ID and AUTH_GITHUB_SECRET/);
  });
});
