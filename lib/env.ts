import { z } from "zod";

// The one place that reads process.env. Parsed once, lazily, so `next build` never needs runtime secrets.

const booleanFlag = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((v) => v === "true" || v === "1");

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() !== "" ? v.trim() : undefined));

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

// Also read on their own by the rate limiters, which run in places (tests, scripts) without the whole config.
const limitFields = {
  /** How many reverse proxies in front of Shipshape append to X-Forwarded-For (0: use the socket address). */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** Failed sign-ins allowed per minute for one account, and from one client address. */
  SIGNIN_LIMIT_PER_ACCOUNT: positiveInt(10),
  SIGNIN_LIMIT_PER_ADDRESS: positiveInt(30),
  /** API requests allowed per minute for one personal API token. */
  API_LIMIT_PER_TOKEN: positiveInt(600),
};

// `name=cron` pairs separated by ";", e.g. "prune-rate-limits=*/15 * * * *".
const scheduleOverrides = optionalString.transform((value, ctx) => {
  const overrides: Record<string, string> = {};
  for (const entry of (value ?? "")
    .split(";")
    .map((e) => e.trim())
    .filter(Boolean)) {
    const at = entry.indexOf("=");
    const name = entry.slice(0, at).trim();
    const cron = entry.slice(at + 1).trim();
    if (at <= 0 || !cron || !/^[\w.-]+$/.test(name)) {
      ctx.addIssue({ code: "custom", message: `must be name=cron pairs separated by ";" (got "${entry}")` });
      return z.NEVER;
    }
    overrides[name] = cron;
  }
  return overrides;
});

// Also read on their own by `npm run worker`, which needs no web settings.
const jobFields = {
  /** in-process: the server also runs background and scheduled jobs; off: only `npm run worker` runs them. */
  JOBS_MODE: z.enum(["in-process", "off"], { error: "must be in-process or off" }).default("in-process"),
  /** Replaces a job's default schedule (cron, UTC); `off` instead of a cron stops scheduling it. */
  JOBS_SCHEDULES: scheduleOverrides,
};

const otlpEndpoint = optionalString.pipe(
  z.url({ protocol: /^https?$/, error: "must be the OTLP receiver's http(s) URL, e.g. http://otel-collector:4318" }).optional(),
);
const otlpProtocol = optionalString.pipe(
  z.enum(["http/protobuf", "http/json"], { error: "must be http/protobuf or http/json (OTLP over HTTP)" }).optional(),
);

// Tracing is configured by the standard OpenTelemetry variables, which the SDK reads itself (OTEL_SERVICE_NAME,
// OTEL_RESOURCE_ATTRIBUTES, OTEL_TRACES_SAMPLER, OTEL_TRACES_SAMPLER_ARG, OTEL_EXPORTER_OTLP_HEADERS,
// OTEL_EXPORTER_OTLP_TIMEOUT, OTEL_PROPAGATORS, OTEL_BSP_*, OTEL_LOG_LEVEL, …). Only those that decide whether it
// starts at all, and those whose typo would silently lose every span, are checked here.
const tracingFields = {
  /** The spec's boolean: only "true" (any case) disables. */
  OTEL_SDK_DISABLED: z
    .string()
    .optional()
    .transform((v) => v?.trim().toLowerCase() === "true"),
  /** Comma-separated; the SDK's default is otlp. */
  OTEL_TRACES_EXPORTER: optionalString
    .transform((v) =>
      (v ?? "")
        .split(",")
        .map((e) => e.trim().toLowerCase())
        .filter(Boolean),
    )
    .refine((names) => names.every((name) => name === "otlp" || name === "none"), { error: "may name only otlp or none" }),
  OTEL_EXPORTER_OTLP_ENDPOINT: otlpEndpoint,
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: otlpEndpoint,
  OTEL_EXPORTER_OTLP_PROTOCOL: otlpProtocol,
  OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: otlpProtocol,
};

const databaseUrl = z
  .string({ error: "is required (e.g. postgres://user:password@localhost:5432/shipshape)" })
  .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL");

const metricsPort = optionalString
  .transform((v) => (v === undefined ? undefined : Number(v)))
  .pipe(z.number({ error: "must be a port number" }).int().min(1).max(65_535).optional());

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: databaseUrl,
    NEXTAUTH_URL: z.url({ error: "must be the public URL of Shipshape, e.g. https://shipshape.example.com" }).optional(),
    NEXTAUTH_SECRET: z
      .string({ error: "is required: a random string of at least 32 characters (openssl rand -base64 32)" })
      .min(32, "must be at least 32 characters (openssl rand -base64 32)"),
    PORT: positiveInt(3000),
    HOST: z.string().default("0.0.0.0"),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    SHIPSHAPE_DEMO_MODE: booleanFlag,
    OIDC_ISSUER: optionalString.pipe(z.url({ error: "must be the issuer URL of your OpenID Connect provider" }).optional()),
    OIDC_CLIENT_ID: optionalString,
    OIDC_CLIENT_SECRET: optionalString,
    OIDC_DISPLAY_NAME: z.string().default("Single sign-on"),
    SHIPSHAPE_ADMIN_EMAILS: optionalString.transform((v) =>
      (v ?? "")
        .split(",")
        .map((e) => e.trim().toLowerCase())
        .filter(Boolean),
    ),
    SHIPSHAPE_DEFAULT_ROLE: z.enum(["VIEWER", "EDITOR", "APPROVER", "ADMIN"]).default("VIEWER"),
    DB_POOL_MAX: positiveInt(10),
    DB_CONNECT_TIMEOUT_MS: positiveInt(1000),
    DB_STATEMENT_TIMEOUT_MS: positiveInt(3000),
    SHUTDOWN_TIMEOUT_MS: positiveInt(10_000),
    METRICS_TOKEN: optionalString,
    ...limitFields,
    /** A session ends this long after sign-in, however active, and after this long without activity. */
    SESSION_MAX_AGE_MINUTES: positiveInt(8 * 60),
    SESSION_IDLE_TIMEOUT_MINUTES: positiveInt(60),
    METRICS_HOST: z.string().default("127.0.0.1"),
    METRICS_PORT: metricsPort,
    HTTP_MAX_CONCURRENCY: positiveInt(20),
    HTTP_MAX_QUEUE: z.coerce.number().int().min(0).default(20),
    HTTP_QUEUE_TIMEOUT_MS: positiveInt(1000),
    /** Comma-separated hosts, addresses and CIDR ranges that checks and webhooks may reach although they are private. */
    OUTBOUND_ALLOWLIST: optionalString,
    ...tracingFields,
    ...jobFields,
  })
  .superRefine((env, ctx) => {
    if (env.SESSION_IDLE_TIMEOUT_MINUTES > env.SESSION_MAX_AGE_MINUTES) {
      ctx.addIssue({ code: "custom", path: ["SESSION_IDLE_TIMEOUT_MINUTES"], message: "must not be longer than SESSION_MAX_AGE_MINUTES" });
    }
    const oidc = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET];
    const set = oidc.filter(Boolean).length;
    if (set > 0 && set < 3) {
      for (const [name, value] of [
        ["OIDC_ISSUER", env.OIDC_ISSUER],
        ["OIDC_CLIENT_ID", env.OIDC_CLIENT_ID],
        ["OIDC_CLIENT_SECRET", env.OIDC_CLIENT_SECRET],
      ] as const) {
        if (!value) ctx.addIssue({ code: "custom", path: [name], message: "is required when any OIDC_* setting is set" });
      }
    }
    if (set === 0 && !env.SHIPSHAPE_DEMO_MODE) {
      ctx.addIssue({
        code: "custom",
        path: ["OIDC_ISSUER"],
        message:
          "no sign-in method: set OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET (or SHIPSHAPE_DEMO_MODE=true outside production)",
      });
    }
  });

export type Env = z.infer<typeof envSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Shipshape configuration is invalid:\n${problems.map((p) => `  - ${p}`).join("\n")}\nSee .env.example and the README.`);
    this.name = "ConfigError";
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => `${i.path.join(".") || "environment"} ${i.message}`));
  }
  return result.data;
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

export function isOidcConfigured(e: Env = env()): e is Env & { OIDC_ISSUER: string; OIDC_CLIENT_ID: string; OIDC_CLIENT_SECRET: string } {
  return Boolean(e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET);
}

export type LimitSettings = z.infer<z.ZodObject<typeof limitFields>>;

export function limitSettings(source: Record<string, string | undefined> = process.env): LimitSettings {
  return z.object(limitFields).parse(source);
}

export type JobSettings = z.infer<z.ZodObject<typeof jobFields>>;

export function jobSettings(source: Record<string, string | undefined> = process.env): JobSettings {
  const result = z.object(jobFields).safeParse(source);
  if (!result.success) throw new ConfigError(result.error.issues.map((i) => `${i.path.join(".")} ${i.message}`));
  return result.data;
}

// What `npm run worker` needs: no web, sign-in or HTTP settings.
const workerSchema = z.object({
  DATABASE_URL: databaseUrl,
  SHUTDOWN_TIMEOUT_MS: positiveInt(10_000),
  METRICS_TOKEN: optionalString,
  METRICS_HOST: z.string().default("127.0.0.1"),
  METRICS_PORT: metricsPort,
  ...tracingFields,
  ...jobFields,
});

export type WorkerEnv = z.infer<typeof workerSchema>;

export function parseWorkerEnv(source: Record<string, string | undefined> = process.env): WorkerEnv {
  const result = workerSchema.safeParse(source);
  if (!result.success) throw new ConfigError(result.error.issues.map((i) => `${i.path.join(".") || "environment"} ${i.message}`));
  return result.data;
}

export type TracingDecision = { enabled: true } | { enabled: false; reason: string };

/**
 * Whether to start the OpenTelemetry SDK. Off unless something would receive the spans: without an OTLP endpoint
 the SDK is never loaded, so tracing costs nothing.
 */
export function tracingDecision(e: Pick<Env, keyof typeof tracingFields>): TracingDecision {
  if (e.OTEL_SDK_DISABLED) return { enabled: false, reason: "OTEL_SDK_DISABLED is true" };
  const exporters = e.OTEL_TRACES_EXPORTER.filter((name) => name !== "none");
  if (e.OTEL_TRACES_EXPORTER.length > 0 && exporters.length === 0) return { enabled: false, reason: "OTEL_TRACES_EXPORTER is none" };
  if (e.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT || e.OTEL_EXPORTER_OTLP_ENDPOINT) return { enabled: true };
  return { enabled: false, reason: "no OTEL_EXPORTER_OTLP_ENDPOINT or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT" };
}
