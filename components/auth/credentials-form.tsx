"use client";

import { getCsrfToken } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";

const WRONG_PASSWORD = "That email and password do not match a demo account.";

type SignInAnswer = { url?: string; error?: { message?: string } };

// Posts to next-auth's credentials callback itself (what next-auth's signIn() does), so a refusal for too many
// attempts can show the server's message with its wait instead of a generic failure.
async function signInWithPassword(email: string, password: string, callbackUrl: string): Promise<{ url: string } | { error: string }> {
  const csrfToken = (await getCsrfToken()) ?? "";
  const response = await fetch("/api/auth/callback/credentials", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl, json: "true" }),
  });
  const answer = (await response.json().catch(() => ({}))) as SignInAnswer;
  if (response.status === 429) return { error: answer.error?.message ?? "Too many sign-in attempts. Wait a minute and try again." };
  const url = answer.url ? new URL(answer.url, window.location.href) : null;
  if (!response.ok || !url || url.searchParams.has("error")) return { error: WRONG_PASSWORD };
  return { url: url.toString() };
}

export function CredentialsForm({ callbackUrl }: { callbackUrl: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signInWithPassword(String(form.get("email") ?? ""), String(form.get("password") ?? ""), callbackUrl).catch(() => ({
      error: "Shipshape could not be reached. Try again.",
    }));
    if ("url" in result) {
      window.location.assign(result.url);
      return;
    }
    setPending(false);
    setError(result.error);
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {error ? <Alert tone="danger">{error}</Alert> : null}
      <Field label="Email" name="email" required>
        <Input type="email" autoComplete="username" />
      </Field>
      <Field label="Password" name="password" required>
        <Input type="password" autoComplete="current-password" />
      </Field>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
