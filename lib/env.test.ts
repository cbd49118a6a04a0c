import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv, tracingDecision } from "@/lib/env";

const valid = {
  DATABASE_URL: "postgres://u:p@localhost:5432/db",
  NEXTAUTH_SECRET: "x".repeat(32),
  SHIPSHAPE_DEMO_MODE: "true",
};

function problems(source: Record<string, string | undefined>): string[] {
  try {
    parseEnv(source);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe("parseEnv", () => {
  it("accepts a minimal demo configuration and applies defaults", () => {
    const env = parseEnv(valid);
    expect(env.PORT).toBe(3000);
    expect(env.SHIPSHAPE_DEMO_MODE).toBe(true);
    expect(env.DB_STATEMENT_TIMEOUT_MS).toBe(3000);
    expect(env.HTTP_MAX_CONCURRENCY).toBe(20);
    expect(env.METRICS_PORT).toBeUndefined();
    expect(env.SHIPSHAPE_ADMIN_EMAILS).toEqual([]);
    expect(env.SESSION_MAX_AGE_MINUTES).toBe(480);
    expect(env.SESSION_IDLE_TIMEOUT_MINUTES).toBe(60);
    expect(env.SIGNIN_LIMIT_PER_ACCOUNT).toBe(10);
    expect(env.API_LIMIT_PER_TOKEN).toBe(600);
    expect(env.TRUSTED_PROXY_HOPS).toBe(0);
  });

  it.each([
    [{ ...valid, DATABASE_URL: undefined }, "DATABASE_URL"],
    [{ ...valid, DATABASE_URL: "mysql://x" }, "DATABASE_URL"],
    [{ ...valid, NEXTAUTH_SECRET: "short" }, "NEXTAUTH_SECRET"],
    [{ ...valid, PORT: "abc" }, "PORT"],
    [{ ...valid, OIDC_ISSUER: "https://id.example.com" }, "OIDC_CLIENT_ID"],
    [{ ...valid, OIDC_ISSUER: "not a url", OIDC_CLIENT_ID: "a", OIDC_CLIENT_SECRET: "b" }, "OIDC_ISSUER"],
    [{ ...valid, SHIPSHAPE_DEMO_MODE: "false" }, "no sign-in method"],
    [{ ...valid, LOG_LEVEL: "loud" }, "LOG_LEVEL"],
    [{ ...valid, SESSION_MAX_AGE_MINUTES: "30", SESSION_IDLE_TIMEOUT_MINUTES: "60" }, "SESSION_IDLE_TIMEOUT_MINUTES"],
    [{ ...valid, SIGNIN_LIMIT_PER_ACCOUNT: "0" }, "SIGNIN_LIMIT_PER_ACCOUNT"],
    [{ ...valid, TRUSTED_PROXY_HOPS: "-1" }, "TRUSTED_PROXY_HOPS"],
    [{ ...valid, METRICS_PORT: "70000" }, "METRICS_PORT"],
    [{ ...valid, METRICS_PORT: "metrics" }, "METRICS_PORT"],
  ])("names what is wrong: %j → %s", (source, expected) => {
    const found = problems(source);
    expect(found.join("\n")).toContain(expected);
  });

  it("accepts a complete OIDC configuration without demo mode and lower-cases admin emails", () => {
    const env = parseEnv({
      ...valid,
      SHIPSHAPE_DEMO_MODE: "",
      OIDC_ISSUER: "https://id.example.com/realms/main",
      OIDC_CLIENT_ID: "shipshape",
      OIDC_CLIENT_SECRET: "s3cret",
      SHIPSHAPE_ADMIN_EMAILS: " Ada@Example.com, bob@example.com ,",
    });
    expect(env.SHIPSHAPE_DEMO_MODE).toBe(false);
    expect(env.SHIPSHAPE_ADMIN_EMAILS).toEqual(["ada@example.com", "bob@example.com"]);
  });

  it("reports every problem at once", () => {
    expect(problems({}).length).toBeGreaterThanOrEqual(2);
  });
});

describe("tracingDecision", () => {
  const decide = (extra: Record<string, string>) => tracingDecision(parseEnv({ ...valid, ...extra }));
  it.each([
    [{}, false],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318" }, true],
    [{ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: "http://collector:4318/v1/traces" }, true],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318", OTEL_SDK_DISABLED: "TRUE" }, false],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318", OTEL_SDK_DISABLED: "false" }, true],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318", OTEL_TRACES_EXPORTER: "none" }, false],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: "", OTEL_TRACES_EXPORTER: "otlp" }, false],
  ])("%o → enabled %s", (extra, enabled) => {
    expect(decide(extra).enabled).toBe(enabled);
  });

  it("refuses an endpoint that is not a URL and an unknown protocol", () => {
    expect(problems({ ...valid, OTEL_EXPORTER_OTLP_ENDPOINT: "collector:4318", OTEL_EXPORTER_OTLP_PROTOCOL: "http" })).toEqual([
      "OTEL_EXPORTER_OTLP_ENDPOINT must be the OTLP receiver's http(s) URL, e.g. http://otel-collector:4318",
      "OTEL_EXPORTER_OTLP_PROTOCOL must be http/protobuf or http/json (OTLP over HTTP)",
    ]);
    expect(problems({ ...valid, OTEL_TRACES_EXPORTER: "otlp,console" })).toEqual(["OTEL_TRACES_EXPORTER may name only otlp or none"]);
  });
});
