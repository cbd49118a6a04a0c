-- Sessions that can be ended, API tokens with a scope and an expiry, and the rate-limit counters every
-- replica shares.

-- Every session carries the epoch it was issued in; bumping it ends all of that person's sessions.
ALTER TABLE users ADD COLUMN session_epoch integer NOT NULL DEFAULT 0;

CREATE TYPE "ApiTokenScope" AS ENUM ('READ', 'WRITE');

-- Tokens made before scopes existed could do everything their owner can, so they keep write access; they
-- expire 90 days from this migration (the default lifetime of a new token) instead of never.
ALTER TABLE api_tokens
  ADD COLUMN scope "ApiTokenScope" NOT NULL DEFAULT 'WRITE',
  ADD COLUMN expires_at timestamptz(6);
UPDATE api_tokens SET expires_at = now() + interval '90 days' WHERE expires_at IS NULL;
ALTER TABLE api_tokens ALTER COLUMN scope DROP DEFAULT, ALTER COLUMN expires_at SET NOT NULL;

-- Counters for rate-limiter-flexible's RateLimiterPostgres (its own table layout; `expire` is epoch
-- milliseconds). Unlogged: a crash may forget a minute of counts, and each request writes no WAL for them.
CREATE UNLOGGED TABLE rate_limits (
  key text PRIMARY KEY,
  points integer NOT NULL DEFAULT 0,
  expire bigint
);
