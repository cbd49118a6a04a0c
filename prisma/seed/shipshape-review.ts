import type { AnswerStatus } from "@/lib/domain/types";

// Shipshape's own readiness review, answered against the default template as the project stands: every answer
// says what exists (and the tests that prove it, by path) or what is missing, with links to the project's own docs
// as the app serves them (/docs/<file>#<heading>). Work that is under way elsewhere but not merged is not done.
// The README ("Shipshape's own readiness review") states the level this earns and why.

export type OwnEvidence = { doc: string; anchor?: string; title: string; kind: "DOCUMENT" | "RUNBOOK" | "DASHBOARD" | "TEST_RUN" };
export type OwnAnswer = { status: AnswerStatus; note: string; naReason?: string; evidence: OwnEvidence[] };

export const SHIPSHAPE_SERVICE = {
  slug: "shipshape",
  name: "Shipshape",
  team: "platform",
  // Internal: an outage delays reviews and meetings, but blocks no release and no customer.
  tier: 3 as const,
  lifecycle: "PRODUCTION" as const,
  description: "This dashboard: production readiness reviews, maturity levels and go/no-go verdicts for every service.",
  /** Who decides the review: an approver of another team than the owners (Platform). */
  approverEmail: "data@example.com",
};

const readme = (anchor: string, title: string): OwnEvidence => ({ doc: "readme", anchor, title, kind: "DOCUMENT" });
const runbook = (anchor: string, title: string): OwnEvidence => ({ doc: "runbooks", anchor, title, kind: "RUNBOOK" });
const releases = (anchor: string, title: string): OwnEvidence => ({ doc: "releases", anchor, title, kind: "RUNBOOK" });
const slo = readme("service-level-objectives", "README: Service level objectives");
const testing = readme("testing", "README: Testing");
const operating = readme("operating-it", "README: Operating it");
const scale = readme("scale-and-performance", "README: Scale and performance");
const faults = readme("overload-and-faults", "README: Overload and faults");
const production = readme("running-in-production", "README: Running in production");
const architecture = readme("architecture", "README: Architecture");
const api = readme("the-review-api", "README: The review API");
const roles = readme("roles", "README: Roles");
const sessions = readme("sessions-and-sign-in-limits", "README: Sessions and sign-in limits");

export const SHIPSHAPE_ANSWERS: Record<string, OwnAnswer> = {
  "logging.structured-logging": {
    status: "MET",
    note: "JSON lines from pino (lib/observability/logger.ts) with level, time, message and the request id on every request line.",
    evidence: [operating],
  },
  "logging.log-levels": {
    status: "MET",
    note: "LOG_LEVEL (fatal … trace, silent) is configuration, no code change; 5xx are logged at error level with the request id.",
    evidence: [production],
  },
  "logging.correlation-ids": {
    status: "MET",
    note: "X-Request-Id is accepted from a proxy or generated, returned on every response and on every log line; e2e/health.spec.ts checks both. While tracing is on, log lines also carry trace_id and span_id, and traceparent reaches outbound calls.",
    evidence: [operating],
  },
  "logging.metrics-endpoints": {
    status: "MET",
    note: "/metrics in Prometheus format behind METRICS_TOKEN or METRICS_PORT: rate, errors and latency by route template, admission and pool saturation. e2e/slo-metrics.spec.ts runs promtool check metrics on a production server's output.",
    evidence: [operating, slo],
  },
  "logging.distributed-tracing": {
    status: "MET",
    note: "OpenTelemetry traces (off by default, OTLP configured by the standard OTEL_* variables, sampling by OTEL_TRACES_SAMPLER) with a span per request and spans for actions, queries and outbound calls; W3C traceparent continues a proxy's trace. e2e/tracing.spec.ts receives a page's trace down to its database spans.",
    evidence: [operating, readme("tracing-overhead", "README: Tracing overhead")],
  },
  "logging.alerting-rules": {
    status: "PARTIAL",
    note: "Availability and latency burn-rate alerts and saturation alerts are code (ops/prometheus/shipshape-rules.yml) with promtool unit tests (ops/prometheus/rules.test.ts). Not met in full: routing to a receiver (Alertmanager) is left to each installation and not in the repository.",
    evidence: [slo, runbook("error-budget-burn", "Runbook: Error budget burn")],
  },
  "error-handling.global-error-boundaries": {
    status: "MET",
    note: "The HTTP front catches unhandled request errors and answers 503/500 with a reference; (app)/error.tsx and global-error.tsx in the UI. e2e/errors.spec.ts.",
    evidence: [architecture],
  },
  "error-handling.retry-policies": {
    status: "MET",
    note: "The server never retries a failed query (the breaker fails fast instead); clients get Retry-After. Answer writes are safe to retry with If-None-Match / If-Match, which scripts/chaos.ts exercises.",
    evidence: [api, faults],
  },
  "error-handling.dead-letter-queues": {
    status: "NOT_APPLICABLE",
    note: "",
    naReason: "Shipshape consumes no queue or event stream.",
    evidence: [architecture],
  },
  "error-handling.error-classification": {
    status: "MET",
    note: "422 validation, 401/403/404 authorization, 409/412/428 conflicts, 429 limits, 503 with a reason (overloaded, database) for transient failures, 500 only for bugs; database errors are counted by kind (connection, busy, pool).",
    evidence: [api, operating],
  },
  "error-handling.user-facing-error-messages": {
    status: "MET",
    note: "e2e/api-fuzz.spec.ts sends thousands of hostile requests and fails on any 5xx or an error body showing stack frames, paths, Prisma or SQL; pages show a reference, not internals.",
    evidence: [testing],
  },
  "performance.load-testing-results": {
    status: "MET",
    note: "npm run bench on 10,000 services / 11.8 M answers and npm run bench:overload past saturation (autocannon -c 200), with results and the first bottleneck (admission) in the README.",
    evidence: [scale, faults],
  },
  "performance.latency-baselines": {
    status: "MET",
    note: "p50/p95 per key page and p99 of the answer save, dated 2026-11-26, next to the SQL floor; the latency SLO (99 % ≤ 1 s) is set against them.",
    evidence: [scale, slo],
  },
  "performance.memory-cpu-profiling": {
    status: "PARTIAL",
    note: "Peak RSS is measured under overload (756 MiB); no CPU profile, flame graph or soak run yet.",
    evidence: [faults],
  },
  "performance.database-query-analysis": {
    status: "MET",
    note: "Every page statement has a builder that npm run bench runs directly as the page's floor (lib/db/bench-floor.ts); lists are filtered and paginated in SQL; no page reads the answers table.",
    evidence: [scale],
  },
  "performance.caching-strategy": {
    status: "PARTIAL",
    note: "The portfolio's aggregates are cached in memory until a change token moves (README: Scale and performance); there is no written strategy covering every cache and the cold-cache behaviour.",
    evidence: [scale],
  },
  "security.auth-authz-verification": {
    status: "MET",
    note: "Every action and route handler authenticates and asks can() (lib/auth/permissions.ts); e2e/security.spec.ts and the integration tests show other teams' changes are refused.",
    evidence: [roles, sessions],
  },
  "security.input-validation": {
    status: "MET",
    note: "zod schemas at every door (lib/schemas), 422 with field errors; e2e/api-fuzz.spec.ts covers wrong types, huge bodies, NUL bytes and broken encodings.",
    evidence: [api, testing],
  },
  "security.dependency-audit": {
    status: "NOT_MET",
    note: "No dependency vulnerability scan runs in CI.",
    evidence: [testing],
  },
  "security.secrets-management": {
    status: "PARTIAL",
    note: "Every secret has a rotation procedure (NEXTAUTH_SECRET, both database roles, API tokens, METRICS_TOKEN, the OIDC client secret); issuing and storing them in a secrets manager is up to each installation.",
    evidence: [runbook("secret-rotation", "Runbook: Secret rotation")],
  },
  "security.owasp-top-10-review": {
    status: "PARTIAL",
    note: "Many Top-10 controls are in place and tested (server-side authz, CSP with nonces, HSTS, same-origin writes, hashed tokens, session epochs, fuzzing) but no review against the OWASP Top 10 is written down.",
    evidence: [roles, sessions],
  },
  "deployment.container-hardening": {
    status: "PARTIAL",
    note: "Multi-stage Containerfile: non-root, no dev dependencies or secrets, HEALTHCHECK on /livez, checked by scripts/test-stack.ts (npm run test:stack, run by hand: it needs root podman, so CI does not run it). No image scan yet.",
    evidence: [production],
  },
  "deployment.rollback-strategy": {
    status: "MET",
    note: "A rollback is a rolling restart onto the previous build (under a minute for two replicas); migrations after the baseline are additive, enforced by lib/db/migration-compat.test.ts, so the previous release runs on the new schema. Graceful drain: e2e/resilience.spec.ts.",
    evidence: [releases("rollback", "Releases: Rollback"), releases("what-makes-a-rollback-safe", "Releases: What makes a rollback safe")],
  },
  "deployment.blue-green-canary": {
    status: "NOT_MET",
    note: "Rolling restarts only; no canary. Not required at tier 3.",
    evidence: [releases("upgrade", "Releases: Upgrade")],
  },
  "deployment.infrastructure-as-code-review": {
    status: "PARTIAL",
    note: "compose.yaml and deploy/nginx.conf define Postgres, a migrate step, two replicas and nginx; npm run test:stack brings them up with podman and kills a replica under load. Hosts, DNS and TLS are each installation's, and nobody reviews those here.",
    evidence: [production],
  },
  "testing.unit-integration-e2e-coverage": {
    status: "MET",
    note: "npm test: unit (lib/**/*.test.ts), integration against a real Postgres (*.int.test.ts), production build, Playwright end to end in Chromium with OIDC and axe; CI runs it on every change (.ci/run).",
    evidence: [testing],
  },
  "testing.contract-tests": {
    status: "MET",
    note: "The OpenAPI document at /api/v1/openapi.json is checked against the route handlers by a test, so a contract change fails the build.",
    evidence: [api],
  },
  "testing.chaos-failure-injection": {
    status: "MET",
    note: "npm run chaos pauses, kills and restarts Postgres and the app under writes (no acknowledged write lost); e2e/resilience.spec.ts stops the database under a running server.",
    evidence: [faults],
  },
  "testing.smoke-tests-in-staging": {
    status: "NOT_MET",
    note: "There is no staging environment and no smoke suite after a deploy; the release procedure's check step is manual.",
    evidence: [releases("upgrade", "Releases: Upgrade")],
  },
  "documentation.api-docs": {
    status: "MET",
    note: "README (what it does, how to run it) and the OpenAPI document served at /api/v1/openapi.json, kept in step with the handlers by a test.",
    evidence: [readme("quick-start", "README: Quick start"), api],
  },
  "documentation.runbooks": {
    status: "MET",
    note: "docs/runbooks.md, served at /docs/runbooks: restart, scale, rotate secrets, lose a replica, roll back; every alert links to its section (ops/prometheus/rules.test.ts checks the anchors).",
    evidence: [runbook("shipshape-runbooks", "Shipshape runbooks")],
  },
  "documentation.architecture-diagrams": {
    status: "PARTIAL",
    note: "The architecture is written down folder by folder with its dependency rule (checked by lib/folder-dependencies.test.ts), but there is no diagram of the deployment and its data flows.",
    evidence: [architecture],
  },
  "documentation.on-call-playbooks": {
    status: "PARTIAL",
    note: "Alerts map to runbook sections with a severity (page or ticket) and the escalation matrix is referenced; there are no SEV-1…SEV-4 definitions or notification steps of Shipshape's own.",
    evidence: [runbook("escalation", "Runbook: Escalation")],
  },
  "documentation.adrs": {
    status: "NOT_MET",
    note: "Key decisions (Postgres-only, hand-written SQL migrations, next-auth v4, admission control) are explained in the README, not recorded as ADRs.",
    evidence: [architecture],
  },
  "health.healthz-endpoint": {
    status: "MET",
    note: "/healthz reports Postgres's status and response time as application/health+json; e2e/health.spec.ts.",
    evidence: [operating],
  },
  "health.readiness-probe": {
    status: "MET",
    note: "/readyz is 503 until the database answers and every migration is applied, and again while draining; it uses a connection of its own. e2e/health.spec.ts, e2e/resilience.spec.ts.",
    evidence: [operating],
  },
  "health.liveness-probe": {
    status: "MET",
    note: "/livez is answered by the event loop itself and never touches the database, so a stuck loop fails it and a database outage cannot cause restart storms.",
    evidence: [operating],
  },
  "health.graceful-shutdown": {
    status: "MET",
    note: "SIGTERM: readiness 503, one-second lame duck, in-flight requests finish within SHUTDOWN_TIMEOUT_MS, then the pool closes; e2e/resilience.spec.ts and the chaos run.",
    evidence: [operating, releases("what-makes-a-rollback-safe", "Releases: What makes a rollback safe")],
  },
  "health.startup-probe": {
    status: "NOT_APPLICABLE",
    note: "",
    naReason: "Shipshape is ready about a second after it starts; there is no slow initialisation for a liveness probe to interrupt.",
    evidence: [operating],
  },
  "resilience.circuit-breakers": {
    status: "PARTIAL",
    note: "Postgres, the main dependency, sits behind a circuit breaker visible as shipshape_database_up (lib/db/availability.ts); calls to the OIDC provider have none.",
    evidence: [operating, runbook("1-the-database-is-unreachable", "Runbook: The database is unreachable")],
  },
  "resilience.retry-backoff-jitter": {
    status: "PARTIAL",
    note: "Retry-After is a fixed 2 s (overload) or 5 s (database); the database probe retries at a fixed interval. No exponential backoff or jitter.",
    evidence: [operating],
  },
  "resilience.rate-limiting": {
    status: "PARTIAL",
    note: "Per API token (API_LIMIT_PER_TOKEN) and per account and address for sign-ins, 429 with Retry-After, shared across replicas; not per endpoint and not adaptive.",
    evidence: [api, sessions],
  },
  "resilience.backpressure": {
    status: "MET",
    note: "Bounded concurrency and queue (HTTP_MAX_CONCURRENCY, HTTP_MAX_QUEUE), a fast 503 beyond them; bench:overload at 200 connections: p99 81 ms for refusals, no 500, readiness stayed 200. e2e/overload.spec.ts.",
    evidence: [faults, runbook("3a-overload", "Runbook: Overload")],
  },
  "resilience.timeouts": {
    status: "PARTIAL",
    note: "Postgres: connect 1 s, statement 3 s, read 3.5 s, idle in transaction 15 s; the HTTP server's request timeout is 30 s. Calls to the OIDC provider use next-auth's defaults, not an explicit timeout.",
    evidence: [production],
  },
  "resilience.bulkhead-isolation": {
    status: "PARTIAL",
    note: "Probes, metrics and static files bypass the admission queue and readiness has its own connection; pages and the API share one pool.",
    evidence: [operating],
  },
  "config-secrets.externalized-configuration": {
    status: "MET",
    note: "All settings are environment variables validated at start (lib/env.ts, lib/env.test.ts); one build runs everywhere.",
    evidence: [production],
  },
  "config-secrets.no-secrets-in-code": {
    status: "MET",
    note: "No secret has a default; .env.example holds placeholders; the values in test configuration are throwaway test strings. No secret scanner runs in CI yet.",
    evidence: [production],
  },
  "config-secrets.secrets-from-vault": {
    status: "NOT_MET",
    note: "Secrets are read from the environment; Shipshape has no secrets-manager integration of its own.",
    evidence: [runbook("secret-rotation", "Runbook: Secret rotation")],
  },
  "config-secrets.config-without-redeploy": {
    status: "PARTIAL",
    note: "Tier targets, templates, users and teams change live in Admin, audited; every environment setting needs a restart.",
    evidence: [readme("what-it-does", "README: What it does")],
  },
  "config-secrets.feature-flags": {
    status: "NOT_MET",
    note: "No feature flags.",
    evidence: [releases("upgrade", "Releases: Upgrade")],
  },
  "data-safety.backup-strategy": {
    status: "MET",
    note: "npm run db:backup / db:restore for the embedded default and a real server; RPO 1 h, RTO 30 min, hourly schedule copied off the host, retention of the backups.",
    evidence: [
      { doc: "backup", anchor: "objectives", title: "Backups: Objectives", kind: "DOCUMENT" },
      { doc: "backup", anchor: "schedule", title: "Backups: Schedule", kind: "DOCUMENT" },
    ],
  },
  "data-safety.restore-verified": {
    status: "MET",
    note: "e2e/restore-drill.spec.ts backs up, restores into a fresh database and starts the app on it on every CI run (row counts and digests, the audit trail); a monthly drill on real data is documented.",
    evidence: [
      { doc: "backup", anchor: "verification", title: "Backups: Verification", kind: "TEST_RUN" },
      runbook("6-restore-from-backup", "Runbook: Restore from backup"),
    ],
  },
  "data-safety.reversible-migrations": {
    status: "MET",
    note: "Expand and contract: migrations after the baseline are additive (lib/db/migration-compat.test.ts); the way back is a roll-forward, documented. tests/schema-drift.int.test.ts keeps schema.prisma and the database equal.",
    evidence: [releases("what-makes-a-rollback-safe", "Releases: What makes a rollback safe")],
  },
  "data-safety.retention-policies": {
    status: "PARTIAL",
    note: "Backups are kept 48 h hourly, 35 days daily and 12 monthly by a retention script; the audit log is kept forever on purpose, and no retention is defined for sessions, rate-limit rows or logs.",
    evidence: [{ doc: "backup", anchor: "retention", title: "Backups: Retention", kind: "DOCUMENT" }],
  },
  "operations.runbooks-top-failures": {
    status: "MET",
    note: "Database unreachable, pending migrations, slow pages, overload, sign-in broken, bad release, budget burn, loss of a replica, secret rotation — each with symptoms, what Shipshape does by itself, and what to do.",
    evidence: [
      runbook("1-the-database-is-unreachable", "Runbook: The database is unreachable"),
      runbook("3a-overload", "Runbook: Overload"),
      runbook("loss-of-a-replica", "Runbook: Loss of a replica"),
    ],
  },
  "operations.slos-error-budgets": {
    status: "MET",
    note: "Availability 99.5 % and latency 99 % ≤ 1 s over 30 days, a budget policy (feature work stops when spent), burn-rate alerts and a budget-left panel (ops/grafana/shipshape.json).",
    evidence: [slo, runbook("error-budget-burn", "Runbook: Error budget burn")],
  },
  "operations.slas-communicated": {
    status: "NOT_MET",
    note: "Other teams depend on Shipshape for their reviews, but no SLA is written or shared with them.",
    evidence: [slo],
  },
  "operations.on-call-rotation": {
    status: "NOT_MET",
    note: "No rotation is staffed for Shipshape, and Shipshape has no on-call or incident features of its own.",
    evidence: [runbook("escalation", "Runbook: Escalation")],
  },
  "operations.golden-signals-dashboards": {
    status: "MET",
    note: "ops/grafana/shipshape.json: latency, traffic, errors and saturation (admission, database pool, event loop, CPU, memory) plus the SLOs; e2e/slo-metrics.spec.ts checks every metric it names is exported. Linked from the runbooks.",
    evidence: [slo, runbook("shipshape-runbooks", "Shipshape runbooks")],
  },
  "operations.alert-thresholds-severity": {
    status: "PARTIAL",
    note: "Thresholds come from the SLOs (14.4×, 6×, 3×, 1× burn), each alert has a severity (page or ticket) and a runbook link; severities are not mapped to SEV-1…SEV-4 and no alert history exists yet.",
    evidence: [slo],
  },
};
