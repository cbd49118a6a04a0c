// The product's default checklist template, transcribed from the seed document
// (docs/production-readiness.md). Every item carries the exact seed text it came from
// (`sourceLine`) so a test can prove the template covers the seed line for line.
//
// Conventions used below:
// - Item keys are "<concern key>.<slug>" and must never change once shipped: answers,
//   waivers and history are stored against them across template versions.
// - Levels follow the seed's Maturity Levels table (L1 MVP … L4 Optimized); each concern
//   has a short rationale comment for the calls the table does not make.
// - Blockers are exactly the six NEVER rules. A blocker forces NO_GO whenever it is unmet,
//   whatever its level, so blockers always apply to every tier.
// - Tier 1 is the most critical service tier. Only a few costly L4 items are limited to
//   tiers 1–2.

import type { ChecklistItemDef, ConcernKind, Level, Tier } from "./types";

export type ItemDef = {
  /** Stable, globally unique: "<concern key>.<kebab-slug>". */
  key: string;
  title: string;
  /** What evidence a reviewer should look for, in one to three sentences. */
  guidance: string;
  level: Level;
  isBlocker: boolean;
  /** The NEVER rule, verbatim from the seed; present exactly when isBlocker. */
  blockerRule?: string;
  tiers: readonly Tier[];
  /** The exact seed text: a checklist line (after "[ ] ") or one Step Details entry. */
  sourceLine: string;
};

/**
 * The seed routes each review area to a specialist practice. Teams read that as advice: who to ask, and a public
 * reference on what good looks like. Shown on the concern page; not stored with the template.
 */
export type PracticeDef = {
  /** One or two plain sentences: who can help and with what. */
  advice: string;
  reference: { title: string; href: string };
};

export type ConcernDef = {
  /** Stable kebab-case key. */
  key: string;
  title: string;
  kind: ConcernKind;
  description: string;
  practice?: PracticeDef;
  items: readonly ItemDef[];
};

export type TemplateDef = {
  key: string;
  version: number;
  name: string;
  description: string;
  concerns: readonly ConcernDef[];
};

// The six NEVER rules, verbatim and in seed order.
const RULE_HEALTH_CHECKS = 'NEVER skip health checks — every service must expose health endpoints; no exceptions for "simple" services';
const RULE_SECRETS = "NEVER store secrets in code or container images — use a secrets manager; never default env vars with real values";
const RULE_ROLLBACK = "NEVER deploy without a rollback plan — if you cannot roll back in under 5 minutes, you are not ready to deploy";
const RULE_ERROR_BUDGETS =
  "NEVER ignore error budget violations — when the error budget is exhausted, freeze feature work and fix reliability";
const RULE_LOGGING = "NEVER treat logging as optional — a service without structured logging is a service you cannot debug at 3 AM";
const RULE_RUNBOOKS =
  "NEVER go to production without runbooks — if on-call cannot resolve the top 5 failure modes without the original author, the service is not production-ready";

export const NEVER_RULES: readonly string[] = [
  RULE_HEALTH_CHECKS,
  RULE_SECRETS,
  RULE_ROLLBACK,
  RULE_ERROR_BUDGETS,
  RULE_LOGGING,
  RULE_RUNBOOKS,
];

const ALL_TIERS: readonly Tier[] = [1, 2, 3];
const CRITICAL_TIERS: readonly Tier[] = [1, 2];

export const DEFAULT_TEMPLATE: TemplateDef = {
  key: "default",
  version: 1,
  name: "Production Readiness",
  description:
    "The Production Readiness review: seven review areas and five checklist sections from the seed document. Each item is tagged with the maturity level it belongs to (L1 MVP, L2 Stable, L3 Resilient, L4 Optimized); the six NEVER rules are blockers that force a no-go when unmet.",
  concerns: [
    // ───────────────────────────── Review areas (Step Details) ─────────────────────────────
    {
      // Levels: log levels stand in for the table's L1 "basic logging"; structured logging,
      // correlation IDs, metrics and alerting are L2; distributed tracing is L3 per the table.
      // Structured logging is L2 but a NEVER-rule blocker, so it blocks every tier even at L1.
      key: "logging",
      title: "Logging & Observability",
      kind: "REVIEW_AREA",
      description: "Can the service be observed and debugged in production: logs, metrics, traces and alerts.",
      practice: {
        advice:
          "Ask the people who run logging, metrics and tracing in your organisation to look at your dashboards and alerts with you; they know what on-call needs at 3 AM.",
        reference: {
          title: "Monitoring distributed systems (Google SRE book)",
          href: "https://sre.google/sre-book/monitoring-distributed-systems/",
        },
      },
      items: [
        {
          key: "logging.structured-logging",
          title: "Structured logging",
          guidance:
            "Look at real production log output: entries should be machine-parseable (JSON or key=value) with consistent fields such as timestamp, level, service and message. Free-text prints alone do not count.",
          level: 2,
          isBlocker: true,
          blockerRule: RULE_LOGGING,
          tiers: ALL_TIERS,
          sourceLine: "Structured logging",
        },
        {
          key: "logging.log-levels",
          title: "Log levels",
          guidance:
            "Check that logs use distinct levels (debug, info, warn, error) and that the production level can be changed without a code change. Errors should be logged at error level with enough context to act on.",
          level: 1,
          isBlocker: false,
          tiers: ALL_TIERS,
          sourceLine: "log levels",
        },
        {
          key: "logging.correlation-ids",
          title: "Correlation IDs",
          guidance:
            "Confirm a request ID is accepted or generated at the edge, propagated to downstream calls and present on every log line for that request. Ask the team to follow one request end to end using only the ID.",
          level: 2,
          isBlocker: false,
          tiers: ALL_TIERS,
          sourceLine: "correlation IDs",
        },
        {
          key: "logging.metrics-endpoints",
          title: "Metrics endpoints",
          guidance:
            "Look for a metrics endpoint (for example /metrics in Prometheus format) that is scraped in production and exposes request rate, errors, latency and saturation. A link to the scrape target or its dashboard is good evidence.",
          level: 2,
          isBlocker: false,
          tiers: ALL_TIERS,
          sourceLine: "metrics endpoints",
        },
        {
          key: "logging.distributed-tracing",
          title: "Distributed tracing",
          guidance:
            "Check that traces (OpenTelemetry or similar) cover this service and its downstream calls, with sampling configured for production. Evidence is a trace view showing one request crossing service boundaries.",
          level: 3,
          isBlocker: false,
          tiers: ALL_TIERS,
          sourceLine: "distributed tracing",
        },
        {
          key: "logging.alerting-rules",
          title: "Alerting rules",
          guidance:
            "Look for alert rules, defined in code or in the monitoring tool, covering error rate, latency and availability, each routed to a real receiver. Dashboards nobody watches are not alerts.",
          level: 2,
          isBlocker: false,
          tiers: ALL_TIERS,
          sourceLine: "alerting rules",
        },
      ],
    },
    {
      // Levels: a global error boundary is the table's L1 "error handling"; retries,
      // classification and safe user messages make error handling L2 Stable; dead-letter
      // queues need asynchronous infrastructure, so L3.
      key: "error-handling",
      title: "Error Handling",
      kind: "REVIEW_AREA",
      description: "Does the service fail in a controlled, diagnosable way and recover from transient faults.",
      practice: {
        advice:
          "Walk through a failing dependency with an engineer experienced in error handling: which errors are retried, which are surfaced, and where failed work ends up.",
        reference: {
          title: "Timeouts, retries and backoff with jitter (Amazon Builders' Library)",
          href: "https://aws.amazon.com/builders-library/timeouts-retries-and-backoff-with-jitter/",
        },
      },
      items: [
        {
          key: "error-handling.global-error-boundaries",
          title: "Global error boundaries",
          guidance:
            "Confirm there is a top-level handler (HTTP error middleware plus process handlers for uncaught exceptions and rejections) that logs the error and returns a controlled response instead of crashing or hanging. Ask to see where it is wired in.",
          level: 1,
          isBlocker: false,
          tiers: ALL_TIERS,
          sourceLine: "Global error boundaries",
        },
        {
          key: "error-handling.retry-policies",
          title: "Retry policies",
          guidance:
            "Check that retries are deliberate: bounded attempts, backoff, and only for idempotent or safely retryable operations. Unbounded or nested retries that multiply load are a finding.",
          level: 2,
          isBlocker: false,
          tiers: ALL_TIERS,
          sourceLine: "retry policies",
        },
        {
          key: "error-handling.dead-letter-queues",
          title: "Dead-letter queues",
          guidance:
            "For queue or event consumers, verify that messages which keep failing land in a monitored dead-letter queue with a documented replay procedure. Mark not applicable if the service consumes no messages.",
          level: 3,
          isBlocker: false,
          tiers: ALL_TIERS,
          sourceLine: "dead-letter queues",
        },
        {
          key: "error-handling.error-classification",
          title: "Error classification",
          guidance:
            "Look for a clear split between client errors, transient failures and bugs, reflected in status codes, log levels and retry decisions. Ask how an operator tells a bad request from a dependency outage in the logs.",
          level: 2,
          isBlocker: false,
          tiers: ALL_TIERS,
          sourceLine: "error classification",
        },
        {
          key: "error-handling.user-facing-error-messages",
          title: "User-facing error messages",
          guidance:
            "Check that users get clear, actionable messages while stack traces, SQL and internal identifiers never leak into responses. Sample a few error responses from staging as evidence.",
          level: 2,
          isBlocker: false,
          tiers: ALL_TIERS,
          sourceLine: "user-facing error messages",
        },
      ],
    },
    {
      // Levels: latency baselines and query analysis are cheap and feed the L3 SLOs, so L2;
      // load testing, profiling and a caching strategy belong with L3 capacity/auto-scaling work.
      key: "performance",
      title: "Performance",
      kind: "REVIEW_AREA",
      description: "Has the service been measured under realistic load, and are its hot paths understood.",
      practice: {
        advice:
          "Ask a performance specialist to review your load test and profiles against the traffic you expect, before the numbers go into this review.",
        reference: {
          title: "The USE method for performance analysis (Brendan Gregg)",
          href: "https://www.brendangregg.com/usemethod.html",
        },
      },
      items: [
        {
          key: "performance.load-testing-results",
          title: "Load testing results",
          guidance:
            "Ask for a recent load test report against a production-like environment at expected peak plus headroom, showing the throughput and latency reached and the first bottleneck found. Results older than the last major change need a rerun.",
          level: 3,
          isBlocker: false,
          tiers: ALL_TIERS,
          sourceLine: "Load testing results",
        },
        {
          key: "performance.latency-baselines",
          title: "P95/P99 latency baselines",
          guidance:
            "Look for recorded P95 and P99 latency per key endpoint, from production metrics or a staging benchmark, with the date captured. These are the numbers alerts and SLOs will be compared against.",
          level: 2,
          isBlocker: false,
          tiers: ALL_TIERS,
          sourceLine: "P95/P99 latency baselines",
        },
        {
          key: "performance.memory-cpu-profiling",
          title: "Memory/CPU profiling",
          guidance:
            "Check that the service has been profiled under load and that memory stays flat over a soak run. Evidence is a profile or flame graph and the fixes or resource limits that followed.",
          level: 3,
          isBlocker: false,
          tiers: ALL_TIERS,
          sourceLine: "memory/CPU profiling",
        },
        {
          key: "performance.database-query-analysis",
          title: "Database query analysis",
          guidance:
            "Confirm the hottest queries have been reviewed with query plans or slow-query logs, with indexes in place and no N+1 patterns on key paths. Mark not applicable if there is no database.",
          level: 2,
          isBlocker: false,
          tiers: ALL_TIERS,
          sourceLine: "database query analysis",
        },
        {
          key: "performance.caching-strategy",
          title: "Caching strategy",
          guidance:
            "Look for a written caching strategy: what is cached and where, the TTLs, how invalidation works and how the service behaves on a cold cache. A cache without an invalidation story is a finding.",
          level: 3,
          isBlocker: false,
          tiers: ALL_TIERS,
          sourceLine: "caching strategy",
        },
      ],
    },
    {
      // Levels: authentication/authorisation and input validation are non-negotiable basics
      // for anything exposed, so L1; audits, managed secrets, OWASP review are L2 Stable.
      // The secrets NEVER rule is carried by the Configuration & Secrets line, not here.
      key: "security",
      title: "Security",
      kind: "REVIEW_AREA",
      description: "Is access controlled, input trusted only after validation, and the supply chain and secrets under control.",
      practice: {
        advice: "Book a review with your security team; bring the dependency audit and a list of the service's inputs and secrets.",
        reference: { title: "OWASP Top 10", href: "https://owasp.org/www-project-top-ten/" },
      },
      items: [
        {
          key: "security.auth-authz-verification",
          title: "Auth/authz verification",
          guidance:
            "Verify every non-public endpoint requires authentication and enforces authorisation on the server, including per-object checks. Evidence is the endpoint list with its access rule and tests showing a forbidden request is rejected.",
          level: 1,
          isBlocker: false,
          tiers: ALL_TIERS,
          sourceLine: "Auth/authz verification",
        },
        {
          key: "security.input-validation",
          title: "Input validation",
          guidance:
            "Check that all external input (bodies, query strings, headers, messages) is validated against a schema at the boundary and rejected with a 4xx when invalid. Read the validation code for one or two key endpoints.",
          level: 1,
          isBlocker: false,
          tiers: ALL_TIERS,
          sourceLine: "input validation",
        },
        {
          key: "security.dependency-audit",
          title: "Dependency audit",
          guidance:
            "Look for an automated dependency vulnerability scan (npm audit, Dependabot, Snyk or similar) running in CI with no unaddressed critical or high findings. Ask for the latest report.",
          level: 2,
          isBlocker: false,
          tiers: ALL_TIERS,
          sourceLine: "dependency audit",
        },
        {
          key: "security.secrets-management",
          title: "Secrets management",
          guidance:
            "Confirm secrets are issued, rotated and revoked through a secrets manager, readable only by the service's own identity. Ask when the most sensitive secret was last rotated and how.",
          level: 2,
          isBlocker: false,
          tiers: ALL_TIERS,
          sourceLine: "secrets management",
        },
        {
          key: "security.owasp-top-10-review",
          title: "OWASP top-10 review",
          guidance:
            "Ask for a completed review against the current OWASP Top 10, or a security review or pen test that covers it, with findings tracked to closure. A list of categories nobody has checked is not evidence.",
          level: 2,
          isBlocker: false,
          tiers: ALL_TIERS,
          sourceLine: "OWASP top-10 review",
        },
      ],
    },
    {
      // Levels: rollback is a NEVER rule and is needed even for a manual L1 deploy, so it is
      // an L1 blocker; hardening and IaC are L2 Stable. Blue-green/canary is the table's L4
      // "canary deploys" and applies to tiers 1–2 only, where gradual rollout repays its cost.
      key: "deployment",
      title: "Deployment",
      kind: "REVIEW_AREA",
      description: "Can the service be shipped safely, repeatably and reversibly.",
      practice: {
        advice:
          "Ask your platform or release engineers to watch one deployment and one rollback with you, and to look over the container image and pipeline.",
        reference: { title: "Canarying releases (Google SRE workbook)", href: "https://sre.google/workbook/canarying-releases/" },
      },
      items: [
        {
          key: "deployment.container-hardening",
          title: "Container hardening",
          guidance:
            "Check the image runs as non-root, uses a minimal pinned base image, contains no build tools or secrets, and passes an image vulnerability scan. Evidence is the Dockerfile and the scan result.",
          level: 2,
          isBlocker: false,
          tiers: ALL_TIERS,
          sourceLine: "Container hardening",
        },
        {
          key: "deployment.rollback-strategy",
          title: "Rollback strategy",
          guidance:
            "Ask for the documented rollback procedure and evidence it was exercised recently; the NEVER rule expects a rollback in under 5 minutes. Schema or data changes must not prevent returning to the previous version.",
          level: 1,
          isBlocker: true,
          blockerRule: RULE_ROLLBACK,
          tiers: ALL_TIERS,
          sourceLine: "rollback strategy",
        },
        {
          key: "deployment.blue-green-canary",
          title: "Blue-green/canary configuration",
          guidance:
            "Look for a blue-green or canary setup that shifts a small share of traffic first and promotes or aborts based on health metrics, ideally automatically. Evidence is the pipeline configuration and recent rollout history.",
          level: 4,
          isBlocker: false,
          tiers: CRITICAL_TIERS,
          sourceLine: "blue-green/canary configuration",
        },
        {
          key: "deployment.infrastructure-as-code-review",
          title: "Infrastructure-as-code review",
          guidance:
            "Confirm the service's infrastructure (compute, networking, data stores, DNS) is defined in version control, changed through reviewed pull requests and applied by a pipeline. Manual console changes or drift are a finding.",
          level: 2,
          isBlocker: false,
          tiers: ALL_TIERS,
          sourceLine: "infrastructure-as-code review",
        },
      ],
    },
    {
      // Levels: the combined coverage detail is L1 because the table's L1 asks for unit tests;
      // integration/e2e depth is judged within it. Staging smoke tests ride on the L2 CI/CD
      // pipeline; contract tests and chaos testing are L3 Resilient (chaos per the table).
      key: "testing",
      title: "Testing",
      kind: "REVIEW_AREA",
      description: "Do automated tests give confidence that a change works and that failures are survivable.",
      practice: {
        advice:
          "Go through the test suites with a colleague who owns test practice: what runs on every change, what runs in staging, and which failures have been rehearsed.",
        reference: { title: "Testing for reliability (Google SRE book)", href: "https://sre.google/sre-book/testing-reliability/" },
      },
      items: [
        {
          key: "testing.unit-integration-e2e-coverage",
          title: "Unit/integration/e2e coverage",
          guidance:
            "Look for automated unit tests on core logic that run before every deploy, plus integration or end-to-end tests on the most critical user paths. Ask for the coverage report and which critical paths are exercised end to end.",
          level: 1,
          isBlocker: false,
          tiers: ALL_TIERS,
          sourceLine: "Unit/integration/e2e coverage",
        },
        {
          key: "testing.contract-tests",
          title: "Contract tests",
          guidance:
            "Check that API contracts with consumers and providers are verified automatically (consumer-driven contracts or schema compatibility checks in CI) so a breaking change fails the build. Mark not applicable if the service has no service-to-service API.",
          level: 3,
          isBlocker: false,
          tiers: ALL_TIERS,
          sourceLine: "contract tests",
        },
        {
          key: "testing.chaos-failure-injection",
          title: "Chaos/failure injection",
          guidance:
            "Ask for the results of a failure-injection exercise or game day (killed instances, added latency, a dependency taken away) and the fixes that followed. Exercises that were planned but never run do not count.",
          level: 3,
          isBlocker: false,
          tiers: ALL_TIERS,
          sourceLine: "chaos/failure injection",
        },
        {
          key: "testing.smoke-tests-in-staging",
          title: "Smoke tests in staging",
          guidance:
            "Confirm an automated smoke suite runs against staging after every deploy and blocks promotion to production when it fails. Evidence is the pipeline step and a recent run.",
          level: 2,
          isBlocker: false,
          tiers: ALL_TIERS,
          sourceLine: "smoke tests in staging",
        },
      ],
    },
    {
      // Levels: API docs stand in for the table's L1 README; runbooks (L2 in the table) and
      // architecture diagrams are L2; on-call playbooks follow the L3 on-call rotation and ADRs
      // are an L3 habit. The runbooks blocker lives in Operational Readiness, not here.
      key: "documentation",
      title: "Documentation",
      kind: "REVIEW_AREA",
      description: "Can someone other than the author understand, operate and change the service.",
      practice: {
        advice:
          "Have someone outside the team try to operate the service from its runbooks and docs alone; what they miss is what to write next.",
        reference: { title: "Diátaxis: a systematic approach to technical documentation", href: "https://diataxis.fr/" },
      },
      items: [
        {
          key: "documentation.api-docs",
          title: "API docs",
          guidance:
            "Look for a README explaining what the service does and how to run it, plus current API documentation (OpenAPI or equivalent) generated from or checked against the code. Docs that disagree with the real API are a finding.",
          level: 1,
          isBlocker: false,
          tiers: ALL_TIERS,
          sourceLine: "API docs",
        },
        {
          key: "documentation.runbooks",
          title: "Runbooks",
          guidance:
            "Check that runbooks live where on-call will look, cover routine operations (restart, scale, rotate secrets, fail over) and were reviewed recently. The top-five failure-scenario runbooks are checked under Operational Readiness.",
          level: 2,
          isBlocker: false,
          tiers: ALL_TIERS,
          sourceLine: "runbooks",
        },
        {
          key: "documentation.architecture-diagrams",
          title: "Architecture diagrams",
          guidance:
            "Ask for a current, dated diagram of the service, its dependencies, data stores and traffic flows. A diagram missing a dependency seen in production is a finding.",
          level: 2,
          isBlocker: false,
          tiers: ALL_TIERS,
          sourceLine: "architecture diagrams",
        },
        {
          key: "documentation.on-call-playbooks",
          title: "On-call playbooks",
          guidance:
            "Look for a playbook covering how to triage an alert, the severity definitions (SEV-1 to SEV-4), the escalation path and who to notify. Each paging alert should link to the relevant section.",
          level: 3,
          isBlocker: false,
          tiers: ALL_TIERS,
          sourceLine: "on-call playbooks",
        },
        {
          key: "documentation.adrs",
          title: "ADRs for key decisions",
          guidance:
            "Check that significant architectural choices (data store, messaging, major dependencies) are recorded as ADRs with context, decision and consequences. A handful covering the key decisions is enough.",
          level: 3,
          isBlocker: false,
          tiers: ALL_TIERS,
          sourceLine: "ADRs for key decisions",
        },
      ],
    },

    // ──────────────────────── Checklist sections (Production Readiness Checklist) ────────────────────────
    {
      // Levels: the health endpoint is the table's L1 "health check" and a NEVER rule, so an
      // L1 blocker; probes and graceful shutdown (L2 in the table) come with running under an
      // orchestrator.
      key: "health",
      title: "Health & Lifecycle",
      kind: "CHECKLIST_SECTION",
      description: "Does the service tell orchestrators and operators the truth about its state, and start and stop cleanly.",
      items: [
        {
          key: "health.healthz-endpoint",
          title: "Health check endpoint (/healthz or /health) returns dependency status",
          guidance:
            "Call the endpoint in a deployed environment and check it reports the status of each critical dependency (database, cache, downstream APIs) rather than a static 200. The load balancer or orchestrator should be wired to it.",
          level: 1,
          isBlocker: true,
          blockerRule: RULE_HEALTH_CHECKS,
          tiers: ALL_TIERS,
          sourceLine: "Health check endpoint (/healthz or /health) returns dependency status",
        },
        {
          key: "health.readiness-probe",
          title: 'Readiness probe distinguishes "starting" from "ready to serve"',
          guidance:
            "Check the readiness probe configuration and that the service reports not-ready until warm-up (connections, caches, migrations) is finished, and again while draining. Evidence is the probe definition and its handler.",
          level: 2,
          isBlocker: false,
          tiers: ALL_TIERS,
          sourceLine: 'Readiness probe distinguishes "starting" from "ready to serve"',
        },
        {
          key: "health.liveness-probe",
          title: "Liveness probe detects deadlocks and unrecoverable states",
          guidance:
            "Confirm the liveness probe checks that the process is making progress (an event-loop or worker heartbeat) and does not depend on external services, which would cause restart storms. Ask what a deadlock looks like to the probe.",
          level: 2,
          isBlocker: false,
          tiers: ALL_TIERS,
          sourceLine: "Liveness probe detects deadlocks and unrecoverable states",
        },
        {
          key: "health.graceful-shutdown",
          title: "Graceful shutdown drains in-flight requests before exit",
          guidance:
            "Verify that on SIGTERM the service fails readiness, finishes in-flight requests and jobs within the termination grace period, then closes connections. A deploy under load with no dropped requests is good evidence.",
          level: 2,
          isBlocker: false,
          tiers: ALL_TIERS,
          sourceLine: "Graceful shutdown drains in-flight requests before exit",
        },
        {
          key: "health.startup-probe",
          title: "Startup probe allows for slow initialization without false restarts",
          guidance:
            "Check that slow initialization is covered by a startup probe or an equivalent initial delay, so the liveness probe cannot kill the service before it is up. Mark not applicable if startup is consistently fast.",
          level: 2,
          isBlocker: false,
          tiers: ALL_TIERS,
          sourceLine: "Startup probe allows for slow initialization without false restarts",
        },
      ],
    },
    {
      // Levels: timeouts and backoff retries are cheap L2 basics; circuit breakers are L3 per
      // the table, with backpressure alongside. Per-client rate limiting (the table's L4
      // "adaptive rate limiting") and bulkheads are L4, tiers 1–2 only: costly for tier 3.
      key: "resilience",
      title: "Resilience",
      kind: "CHECKLIST_SECTION",
      description: "Does the service survive slow or failing dependencies and overload without cascading failure.",
      items: [
        {
          key: "resilience.circuit-breakers",
          title: "Circuit breakers on all external service calls",
          guidance:
            "List the outbound dependencies and check each call goes through a circuit breaker with thresholds and a defined fallback. Breaker state should be visible in metrics.",
          level: 3,
          isBlocker: false,
          tiers: ALL_TIERS,
          sourceLine: "Circuit breakers on all external service calls",
        },
        {
          key: "resilience.retry-backoff-jitter",
          title: "Retry with exponential backoff and jitter on transient failures",
          guidance:
            "Look at the retry code or client configuration for exponential backoff with jitter and a maximum attempt count, applied only to transient errors. Fixed-interval retries that can synchronise into a thundering herd are a finding.",
          level: 2,
          isBlocker: false,
          tiers: ALL_TIERS,
          sourceLine: "Retry with exponential backoff and jitter on transient failures",
        },
        {
          key: "resilience.rate-limiting",
          title: "Rate limiting configured per endpoint and per client",
          guidance:
            "Confirm limits exist per endpoint and per client (API key, user or IP), return 429 with Retry-After, and are tuned from observed traffic. At L4 the limits should adapt to load rather than be fixed numbers.",
          level: 4,
          isBlocker: false,
          tiers: CRITICAL_TIERS,
          sourceLine: "Rate limiting configured per endpoint and per client",
        },
        {
          key: "resilience.backpressure",
          title: "Backpressure mechanisms prevent cascade failures under load",
          guidance:
            "Ask how the service behaves when offered more work than it can handle: bounded queues, concurrency limits or load shedding should reject excess early instead of queueing until memory runs out. A load test past saturation is good evidence.",
          level: 3,
          isBlocker: false,
          tiers: ALL_TIERS,
          sourceLine: "Backpressure mechanisms prevent cascade failures under load",
        },
        {
          key: "resilience.timeouts",
          title: "Timeouts set on every outbound call (HTTP, DB, queue)",
          guidance:
            "Check that every outbound HTTP, database and queue call has an explicit timeout shorter than the caller's own timeout. Library defaults of no timeout, or several minutes, are a finding.",
          level: 2,
          isBlocker: false,
          tiers: ALL_TIERS,
          sourceLine: "Timeouts set on every outbound call (HTTP, DB, queue)",
        },
        {
          key: "resilience.bulkhead-isolation",
          title: "Bulkhead isolation separates critical from non-critical paths",
          guidance:
            "Look for separate connection pools, worker pools or instances so a slow non-critical dependency cannot exhaust the resources of critical paths. Ask which paths are critical and how they are isolated.",
          level: 4,
          isBlocker: false,
          tiers: CRITICAL_TIERS,
          sourceLine: "Bulkhead isolation separates critical from non-critical paths",
        },
      ],
    },
    {
      // Levels: externalized config and no secrets in code are L1 fundamentals (the latter a
      // NEVER-rule blocker); vault-loaded secrets are L2; live config changes and feature flags
      // need supporting infrastructure, so L3.
      key: "config-secrets",
      title: "Configuration & Secrets",
      kind: "CHECKLIST_SECTION",
      description: "Is configuration separate from code, and are secrets kept out of code, images and defaults.",
      items: [
        {
          key: "config-secrets.externalized-configuration",
          title: "All configuration externalized (env vars, config service, or feature flags)",
          guidance:
            "Check that environment-specific settings come from environment variables, a config service or feature flags, so one build artefact runs in every environment. Hard-coded hostnames or per-environment builds are a finding.",
          level: 1,
          isBlocker: false,
          tiers: ALL_TIERS,
          sourceLine: "All configuration externalized (env vars, config service, or feature flags)",
        },
        {
          key: "config-secrets.no-secrets-in-code",
          title: "No secrets in code, images, or environment variable defaults",
          guidance:
            "Run a secret scanner over the repository history and the built image, and check that env var defaults and example files hold only placeholders. Any real credential found must be rotated, not just deleted.",
          level: 1,
          isBlocker: true,
          blockerRule: RULE_SECRETS,
          tiers: ALL_TIERS,
          sourceLine: "No secrets in code, images, or environment variable defaults",
        },
        {
          key: "config-secrets.secrets-from-vault",
          title: "Secrets loaded from a vault (e.g., AWS Secrets Manager, HashiCorp Vault)",
          guidance:
            "Confirm the service reads secrets at runtime from a secrets manager such as AWS Secrets Manager or HashiCorp Vault, using its own identity. Secrets pasted by hand into deployment manifests do not count.",
          level: 2,
          isBlocker: false,
          tiers: ALL_TIERS,
          sourceLine: "Secrets loaded from a vault (e.g., AWS Secrets Manager, HashiCorp Vault)",
        },
        {
          key: "config-secrets.config-without-redeploy",
          title: "Configuration changes do not require redeployment",
          guidance:
            "Ask to see a configuration value changed in a running environment without a new deployment, and how that change is audited. Mark partial if only some settings can change live.",
          level: 3,
          isBlocker: false,
          tiers: ALL_TIERS,
          sourceLine: "Configuration changes do not require redeployment",
        },
        {
          key: "config-secrets.feature-flags",
          title: "Feature flags in place for high-risk changes",
          guidance:
            "Check that the riskiest changes in this release sit behind flags that can be switched off without a deploy, and that stale flags get removed. Ask who can flip a flag in production and how fast.",
          level: 3,
          isBlocker: false,
          tiers: ALL_TIERS,
          sourceLine: "Feature flags in place for high-risk changes",
        },
      ],
    },
    {
      // Levels: tested backups, verified restores and reversible migrations are what L2 Stable
      // means for a stateful service; retention policies are L3 governance. Stateless services
      // answer the section not applicable.
      key: "data-safety",
      title: "Data Safety",
      kind: "CHECKLIST_SECTION",
      description: "Can data be recovered after loss or a bad change, and is it kept no longer than it should be.",
      items: [
        {
          key: "data-safety.backup-strategy",
          title: "Backup strategy defined and tested (RPO/RTO documented)",
          guidance:
            "Look for the documented backup schedule with RPO and RTO targets agreed with the business, and evidence backups are completing. For critical data, backups kept in the same account or region as the primary are a finding.",
          level: 2,
          isBlocker: false,
          tiers: ALL_TIERS,
          sourceLine: "Backup strategy defined and tested (RPO/RTO documented)",
        },
        {
          key: "data-safety.restore-verified",
          title: "Restore procedure verified in a non-production environment",
          guidance:
            "Ask for the date and result of the last restore into a non-production environment, including how long it took against the RTO. A backup that has never been restored is not evidence.",
          level: 2,
          isBlocker: false,
          tiers: ALL_TIERS,
          sourceLine: "Restore procedure verified in a non-production environment",
        },
        {
          key: "data-safety.reversible-migrations",
          title: "Database migrations are backward-compatible and reversible",
          guidance:
            "Check that migrations follow expand-and-contract so the previous release still runs against the new schema, and that each has a tested down path or a documented roll-forward. This is what makes the rollback plan real.",
          level: 2,
          isBlocker: false,
          tiers: ALL_TIERS,
          sourceLine: "Database migrations are backward-compatible and reversible",
        },
        {
          key: "data-safety.retention-policies",
          title: "Data retention policies implemented and enforced",
          guidance:
            "Confirm retention periods are defined per kind of data, including logs and backups, and enforced by automated deletion or archiving. Ask for the job or policy that does it and when it last ran.",
          level: 3,
          isBlocker: false,
          tiers: ALL_TIERS,
          sourceLine: "Data retention policies implemented and enforced",
        },
      ],
    },
    {
      // Levels: runbooks are L2 per the table; SLOs with error budgets sit at L3 (SLOs are L3,
      // error budgets L4). Both are NEVER-rule blockers, so they block tier-3 services even
      // below L2/L3 — intended. On-call and SLAs follow SLOs at L3; golden-signal dashboards
      // ride on L2 metrics; severity-tuned alerting needs the L3 on-call escalation path.
      key: "operations",
      title: "Operational Readiness",
      kind: "CHECKLIST_SECTION",
      description: "Can on-call run the service: runbooks, objectives, people, dashboards and alerts.",
      items: [
        {
          key: "operations.runbooks-top-failures",
          title: "Runbooks exist for top 5 most likely failure scenarios",
          guidance:
            "Ask for runbooks for the five most likely failures (for example a dependency outage, database saturation, a bad deploy, a queue backlog, certificate expiry), each with symptoms, diagnosis and mitigation. Someone other than the original author should be able to follow them.",
          level: 2,
          isBlocker: true,
          blockerRule: RULE_RUNBOOKS,
          tiers: ALL_TIERS,
          sourceLine: "Runbooks exist for top 5 most likely failure scenarios",
        },
        {
          key: "operations.slos-error-budgets",
          title: "SLOs defined (availability, latency, error rate) with error budgets",
          guidance:
            "Look for written SLOs for availability, latency and error rate with measurement windows, a dashboard tracking budget burn, and an agreed error budget policy. The NEVER rule expects feature work to freeze when the budget is exhausted, so ask who enforces that.",
          level: 3,
          isBlocker: true,
          blockerRule: RULE_ERROR_BUDGETS,
          tiers: ALL_TIERS,
          sourceLine: "SLOs defined (availability, latency, error rate) with error budgets",
        },
        {
          key: "operations.slas-communicated",
          title: "SLAs communicated to dependent teams or customers",
          guidance:
            "Check that any SLA is written down, shared with dependent teams or customers, and looser than the internal SLO. Mark not applicable if nobody outside the team depends on the service.",
          level: 3,
          isBlocker: false,
          tiers: ALL_TIERS,
          sourceLine: "SLAs communicated to dependent teams or customers",
        },
        {
          key: "operations.on-call-rotation",
          title: "On-call rotation staffed and escalation path documented",
          guidance:
            "Confirm a schedule with at least a primary and a secondary, and a documented escalation path (primary, secondary, engineering lead, VP Eng) with contact details. Check the paging tool routes this service's alerts to the rotation.",
          level: 3,
          isBlocker: false,
          tiers: ALL_TIERS,
          sourceLine: "On-call rotation staffed and escalation path documented",
        },
        {
          key: "operations.golden-signals-dashboards",
          title: "Dashboards show golden signals (latency, traffic, errors, saturation)",
          guidance:
            "Open the service dashboard and check it shows latency, traffic, errors and saturation for the service and its main dependencies. It should be linked from alerts and runbooks.",
          level: 2,
          isBlocker: false,
          tiers: ALL_TIERS,
          sourceLine: "Dashboards show golden signals (latency, traffic, errors, saturation)",
        },
        {
          key: "operations.alert-thresholds-severity",
          title: "Alerting rules configured with appropriate thresholds and severity",
          guidance:
            "Review the alert list: each alert needs a threshold justified by SLOs or baselines, a severity mapped to the escalation matrix (SEV-1 to SEV-4) and a runbook link. Alerts that fired repeatedly last month without action are noise to fix.",
          level: 3,
          isBlocker: false,
          tiers: ALL_TIERS,
          sourceLine: "Alerting rules configured with appropriate thresholds and severity",
        },
      ],
    },
  ],
};

/** Every item as the engine sees it, in template order (concern by concern). */
export function flattenTemplateItems(template: TemplateDef): ChecklistItemDef[] {
  return template.concerns.flatMap((concern) =>
    concern.items.map((item) => ({
      key: item.key,
      concernKey: concern.key,
      title: item.title,
      level: item.level,
      isBlocker: item.isBlocker,
      tiers: item.tiers,
    })),
  );
}

/** The specialist practice the default template points a concern to, if any. */
export function concernPractice(templateKey: string, concernKey: string): PracticeDef | undefined {
  if (templateKey !== DEFAULT_TEMPLATE.key) return undefined;
  return DEFAULT_TEMPLATE.concerns.find((concern) => concern.key === concernKey)?.practice;
}
