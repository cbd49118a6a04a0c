import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS } from "./scripts/lib/chromium";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const OIDC_PORT = Number(process.env.E2E_OIDC_PORT ?? 4011);
export const baseURL = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [...CHROMIUM_ARGS],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: [
    {
      command: "node_modules/.bin/tsx e2e/support/oidc-server.ts",
      url: `http://127.0.0.1:${OIDC_PORT}/.well-known/openid-configuration`,
      env: { E2E_OIDC_PORT: String(OIDC_PORT) },
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: "node --import tsx scripts/start.ts",
      url: `${baseURL}/livez`,
      reuseExistingServer: false,
      timeout: 90_000,
      stdout: "ignore",
      stderr: "pipe",
      env: {
        NODE_ENV: "production",
        PORT: String(PORT),
        HOST: "127.0.0.1",
        DATABASE_URL: process.env.DATABASE_URL ?? "",
        NEXTAUTH_URL: baseURL,
        NEXTAUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e-secret",
        SHIPSHAPE_DEMO_MODE: "true",
        OIDC_ISSUER: `http://127.0.0.1:${OIDC_PORT}`,
        OIDC_CLIENT_ID: "shipshape-e2e",
        OIDC_CLIENT_SECRET: "e2e-client-secret",
        OIDC_DISPLAY_NAME: "Test SSO",
        LOG_LEVEL: "warn",
        // The API fuzz harness sends thousands of requests a minute with one token; the per-token limit itself
        // is covered by the integration tests.
        API_LIMIT_PER_TOKEN: "1000000",
      },
    },
  ],
});
