-- Automated checks. An admin binds a checklist item to a check: an HTTP probe of the service's health URL, or
-- results a CI pipeline pushes. Results are kept with their source and time and count only until valid_until;
-- a person still confirms the answer they suggest. Evidence links are checked on a schedule too. Like answers,
-- they name people by id without a foreign key, so removing a user keeps the record.
CREATE TYPE "CheckKind" AS ENUM ('HTTP_PROBE', 'CI');
CREATE TYPE "CheckStatus" AS ENUM ('PASSING', 'WARNING', 'FAILING');
CREATE TYPE "LinkHealth" AS ENUM ('OK', 'DEAD');

ALTER TABLE services ADD COLUMN health_url text;

CREATE TABLE check_bindings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  item_key text NOT NULL UNIQUE,
  kind "CheckKind" NOT NULL,
  valid_for_minutes integer NOT NULL DEFAULT 1440 CHECK (valid_for_minutes BETWEEN 5 AND 525600),
  timeout_ms integer NOT NULL DEFAULT 5000 CHECK (timeout_ms BETWEEN 100 AND 30000),
  version integer NOT NULL DEFAULT 1,
  created_by_id uuid,
  created_at timestamptz(6) NOT NULL DEFAULT now(),
  updated_at timestamptz(6) NOT NULL DEFAULT now()
);

CREATE TABLE check_results (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  service_id uuid NOT NULL REFERENCES services (id) ON DELETE CASCADE,
  item_key text NOT NULL,
  source "CheckKind" NOT NULL,
  status "CheckStatus" NOT NULL,
  summary text NOT NULL DEFAULT '',
  details_url text,
  observed_at timestamptz(6) NOT NULL,
  valid_until timestamptz(6) NOT NULL,
  recorded_by_id uuid,
  created_at timestamptz(6) NOT NULL DEFAULT now(),
  CHECK (valid_until > observed_at)
);
CREATE INDEX check_results_latest_idx ON check_results (service_id, item_key, observed_at DESC);

ALTER TABLE evidence
  ADD COLUMN link_health "LinkHealth",
  ADD COLUMN link_checked_at timestamptz(6),
  ADD COLUMN link_problem text;
