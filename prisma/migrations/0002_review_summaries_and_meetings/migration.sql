-- Decided reviews carry their computed summary, and each service points at its latest decided review,
-- so the portfolio, the services table and the quarterly meeting never read the answers table.

ALTER TABLE reviews
  ADD COLUMN applicable_count integer,
  ADD COLUMN met_count integer,
  ADD COLUMN na_count integer,
  ADD COLUMN waived_count integer,
  ADD COLUMN partial_count integer,
  ADD COLUMN not_met_count integer,
  ADD COLUMN unanswered_count integer,
  ADD COLUMN open_blocker_count integer;

CREATE INDEX reviews_service_decided_idx ON reviews (service_id, decided_at DESC) WHERE status = 'DECIDED';
CREATE INDEX reviews_decided_at_idx ON reviews (decided_at) WHERE status = 'DECIDED';

ALTER TABLE services
  ADD COLUMN last_review_id uuid REFERENCES reviews (id) ON DELETE SET NULL ON UPDATE CASCADE,
  ADD COLUMN last_decided_at timestamptz(6),
  ADD COLUMN current_level integer,
  ADD COLUMN current_verdict "Verdict",
  ADD COLUMN open_blockers integer NOT NULL DEFAULT 0;

CREATE INDEX services_last_decided_at_idx ON services (last_decided_at);
CREATE INDEX services_current_level_idx ON services (current_level);
CREATE INDEX services_tier_idx ON services (tier);
CREATE INDEX services_name_lower_idx ON services (lower(name));
CREATE INDEX waivers_expires_on_idx ON waivers (expires_on) WHERE status = 'APPROVED';

CREATE TYPE "MeetingOutcomeKind" AS ENUM ('REVIEWED', 'FOLLOW_UP');

-- What the quarterly review meeting decided for each service it walked through.
CREATE TABLE meeting_outcomes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  quarter text NOT NULL CHECK (quarter ~ '^[0-9]{4}-Q[1-4]$'),
  service_id uuid NOT NULL REFERENCES services (id) ON DELETE CASCADE ON UPDATE CASCADE,
  outcome "MeetingOutcomeKind" NOT NULL,
  note text NOT NULL DEFAULT '',
  follow_up_owner text,
  follow_up_due date,
  recorded_by_id uuid,
  recorded_at timestamptz(6) NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  CHECK (outcome <> 'FOLLOW_UP' OR (follow_up_owner IS NOT NULL AND follow_up_due IS NOT NULL))
);
CREATE UNIQUE INDEX meeting_outcomes_quarter_service_id_key ON meeting_outcomes (quarter, service_id);
