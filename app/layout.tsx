import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: {
    default: "Shipshape",
    template: "%s · Shipshape",
  },
  description: "Production readiness reviews for your services: checklists, evidence, waivers, maturity levels and go/no-go verdicts.",
  applicationName: "Shipshape",
};

export const viewport: Viewport = {
  colorScheme: "light",
  themeColor: "#4f46e5",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page's scripts carry this request's CSP nonce, so no page may be prerendered without one.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen bg-canvas font-sans text-ink antialiased">{children}</body>
    </html>
  );
}
