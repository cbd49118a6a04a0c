import type { LifecycleStage, Role, Tier } from "@/lib/domain/types";

// The demo organisation: who works where, and which services they run. Only `npm run demo` loads it.

export type DemoAccount = { email: string; name: string; role: Role; teams: string[]; label: string };

export const DEMO_TEAMS = [
  { slug: "payments", name: "Payments" },
  { slug: "identity", name: "Identity & Access" },
  { slug: "search", name: "Search & Discovery" },
  { slug: "platform", name: "Platform" },
  { slug: "growth", name: "Growth" },
  { slug: "data", name: "Data Infrastructure" },
] as const;

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { email: "editor@example.com", name: "Priya Patel", role: "EDITOR", teams: ["payments"], label: "editor, Payments team" },
  { email: "approver@example.com", name: "Sam Okafor", role: "APPROVER", teams: ["platform"], label: "approver, Platform team" },
  { email: "leader@example.com", name: "Lee Morgan", role: "VIEWER", teams: [], label: "viewer (leadership)" },
  { email: "admin@example.com", name: "Ada Byrne", role: "ADMIN", teams: ["platform"], label: "admin" },
  { email: "identity@example.com", name: "Iris Chen", role: "EDITOR", teams: ["identity"], label: "editor, Identity team" },
  { email: "search@example.com", name: "Diego Alvarez", role: "EDITOR", teams: ["search"], label: "editor, Search team" },
  { email: "growth@example.com", name: "Mina Haddad", role: "EDITOR", teams: ["growth"], label: "editor, Growth team" },
  { email: "data@example.com", name: "Tomasz Nowak", role: "APPROVER", teams: ["data"], label: "approver, Data team" },
];

export type DemoService = {
  slug: string;
  name: string;
  team: string;
  tier: Tier;
  lifecycle: LifecycleStage;
  description: string;
  /** Maturity six quarters ago and now (0.5–4.5); reviews in between interpolate, with noise. */
  from: number;
  to: number;
};

export const DEMO_SERVICES: DemoService[] = [
  { slug: "payments-api", name: "Payments API", team: "payments", tier: 1, lifecycle: "PRODUCTION", description: "Card and wallet payment authorisation for every checkout.", from: 2.2, to: 3.6 },
  { slug: "ledger", name: "Ledger", team: "payments", tier: 1, lifecycle: "PRODUCTION", description: "Double-entry ledger of all money movements.", from: 2.8, to: 3.9 },
  { slug: "payouts", name: "Payouts", team: "payments", tier: 2, lifecycle: "PRODUCTION", description: "Daily merchant payouts and reconciliation.", from: 1.4, to: 2.6 },
  { slug: "fraud-scoring", name: "Fraud Scoring", team: "payments", tier: 1, lifecycle: "PRODUCTION", description: "Real-time risk scores for payment attempts.", from: 1.8, to: 2.7 },
  { slug: "invoice-renderer", name: "Invoice Renderer", team: "payments", tier: 3, lifecycle: "BETA", description: "PDF invoices for business customers.", from: 0.6, to: 1.7 },
  { slug: "auth-gateway", name: "Auth Gateway", team: "identity", tier: 1, lifecycle: "PRODUCTION", description: "Token issuance and session validation at the edge.", from: 3.0, to: 4.3 },
  { slug: "user-profile", name: "User Profile", team: "identity", tier: 2, lifecycle: "PRODUCTION", description: "Profile, preferences and consent records.", from: 1.9, to: 2.4 },
  { slug: "mfa-service", name: "MFA Service", team: "identity", tier: 1, lifecycle: "PRODUCTION", description: "One-time codes, WebAuthn and recovery flows.", from: 2.5, to: 2.1 },
  { slug: "directory-sync", name: "Directory Sync", team: "identity", tier: 3, lifecycle: "PRODUCTION", description: "SCIM sync with customer identity providers.", from: 0.8, to: 1.5 },
  { slug: "search-api", name: "Search API", team: "search", tier: 1, lifecycle: "PRODUCTION", description: "Query serving for product and content search.", from: 2.0, to: 3.2 },
  { slug: "indexer", name: "Indexer", team: "search", tier: 2, lifecycle: "PRODUCTION", description: "Streams catalogue changes into the search index.", from: 1.6, to: 2.3 },
  { slug: "recommendations", name: "Recommendations", team: "search", tier: 2, lifecycle: "BETA", description: "Personalised product recommendations.", from: 0.7, to: 1.9 },
  { slug: "autocomplete", name: "Autocomplete", team: "search", tier: 3, lifecycle: "PRODUCTION", description: "Type-ahead suggestions.", from: 1.2, to: 1.4 },
  { slug: "edge-proxy", name: "Edge Proxy", team: "platform", tier: 1, lifecycle: "PRODUCTION", description: "TLS termination, routing and rate limiting for all traffic.", from: 3.2, to: 4.4 },
  { slug: "deploy-pipeline", name: "Deploy Pipeline", team: "platform", tier: 2, lifecycle: "PRODUCTION", description: "Build, test and progressive delivery for every service.", from: 2.1, to: 3.1 },
  { slug: "secrets-broker", name: "Secrets Broker", team: "platform", tier: 1, lifecycle: "PRODUCTION", description: "Short-lived credentials from the vault.", from: 2.6, to: 3.4 },
  { slug: "feature-flags", name: "Feature Flags", team: "platform", tier: 2, lifecycle: "PRODUCTION", description: "Flag evaluation and targeting.", from: 1.5, to: 2.8 },
  { slug: "status-page", name: "Status Page", team: "platform", tier: 3, lifecycle: "PRODUCTION", description: "Public incident communication.", from: 1.0, to: 1.2 },
  { slug: "notifications", name: "Notifications", team: "growth", tier: 2, lifecycle: "PRODUCTION", description: "Email, push and in-app messages.", from: 1.3, to: 2.2 },
  { slug: "referrals", name: "Referrals", team: "growth", tier: 3, lifecycle: "PRODUCTION", description: "Invite links and referral rewards.", from: 0.9, to: 1.6 },
  { slug: "experiments", name: "Experiments", team: "growth", tier: 2, lifecycle: "BETA", description: "A/B test assignment and exposure logging.", from: 0.6, to: 1.8 },
  { slug: "onboarding-flow", name: "Onboarding Flow", team: "growth", tier: 3, lifecycle: "DEVELOPMENT", description: "Guided first-run experience.", from: 0.5, to: 0.9 },
  { slug: "event-pipeline", name: "Event Pipeline", team: "data", tier: 1, lifecycle: "PRODUCTION", description: "Collects product events into the warehouse.", from: 2.3, to: 3.3 },
  { slug: "warehouse-loader", name: "Warehouse Loader", team: "data", tier: 2, lifecycle: "PRODUCTION", description: "Batch loads and transforms for analytics.", from: 1.7, to: 2.0 },
  { slug: "metrics-api", name: "Metrics API", team: "data", tier: 2, lifecycle: "PRODUCTION", description: "Business metrics for dashboards and finance.", from: 1.1, to: 2.5 },
  { slug: "ml-feature-store", name: "ML Feature Store", team: "data", tier: 2, lifecycle: "PLANNED", description: "Online and offline features for models.", from: 0.5, to: 0.5 },
];
