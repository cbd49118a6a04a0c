-- Shipshape: users, teams, services, versioned checklist templates, reviews, answers, evidence,
-- waivers, API tokens, settings and the append-only audit log.

CREATE TYPE "Role" AS ENUM ('VIEWER', 'EDITOR', 'APPROVER', 'ADMIN');
CREATE TYPE "LifecycleStage" AS ENUM ('PLANNED', 'DEVELOPMENT', 'BETA', 'PRODUCTION', 'DEPRECATED', 'RETIRED');
CREATE TYPE "ConcernKind" AS ENUM ('REVIEW_AREA', 'CHECKLIST_SECTION');
CREATE TYPE "ReviewTrigger" AS ENUM ('FIRST_DEPLOY', 'MAJOR_RELEASE', 'QUARTERLY', 'POST_INCIDENT', 'DEPENDENCY_UPGRADE', 'TEAM_HANDOFF');
CREATE TYPE "ReviewStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'DECIDED', 'CANCELLED');
CREATE TYPE "AnswerStatus" AS ENUM ('MET', 'PARTIAL', 'NOT_MET', 'NOT_APPLICABLE');
CREATE TYPE "EvidenceKind" AS ENUM ('DASHBOARD', 'RUNBOOK', 'DOCUMENT', 'TICKET', 'TEST_RUN', 'OTHER');
CREATE TYPE "Verdict" AS ENUM ('GO', 'CONDITIONAL_GO', 'NO_GO');
CREATE TYPE "WaiverStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED', 'REVOKED');

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email text NOT NULL,
  name text NOT NULL,
  role "Role" NOT NULL DEFAULT 'VIEWER',
  password_hash text,
  oidc_subject text,
  is_demo boolean NOT NULL DEFAULT false,
  disabled_at timestamptz(6),
  created_at timestamptz(6) NOT NULL DEFAULT now(),
  updated_at timestamptz(6) NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_key ON users (email);
CREATE UNIQUE INDEX users_oidc_subject_key ON users (oidc_subject);

CREATE TABLE teams (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slug text NOT NULL,
  name text NOT NULL,
  created_at timestamptz(6) NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX teams_slug_key ON teams (slug);

CREATE TABLE memberships (
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE ON UPDATE CASCADE,
  team_id uuid NOT NULL REFERENCES teams (id) ON DELETE CASCADE ON UPDATE CASCADE,
  created_at timestamptz(6) NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, team_id)
);
CREATE INDEX memberships_team_id_idx ON memberships (team_id);

CREATE TABLE services (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slug text NOT NULL,
  name text NOT NULL,
  description text NOT NULL DEFAULT '',
  team_id uuid NOT NULL REFERENCES teams (id) ON DELETE RESTRICT ON UPDATE CASCADE,
  tier integer NOT NULL CHECK (tier BETWEEN 1 AND 3),
  lifecycle "LifecycleStage" NOT NULL DEFAULT 'DEVELOPMENT',
  repository_url text,
  runbook_url text,
  dashboard_url text,
  on_call text,
  version integer NOT NULL DEFAULT 1,
  created_by_id uuid,
  created_at timestamptz(6) NOT NULL DEFAULT now(),
  updated_at timestamptz(6) NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX services_slug_key ON services (slug);
CREATE INDEX services_team_id_idx ON services (team_id);

CREATE TABLE checklist_templates (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  key text NOT NULL,
  version integer NOT NULL,
  name text NOT NULL,
  description text NOT NULL DEFAULT '',
  created_at timestamptz(6) NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX checklist_templates_key_version_key ON checklist_templates (key, version);

CREATE TABLE concerns (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  template_id uuid NOT NULL REFERENCES checklist_templates (id) ON DELETE CASCADE ON UPDATE CASCADE,
  key text NOT NULL,
  title text NOT NULL,
  kind "ConcernKind" NOT NULL,
  description text NOT NULL DEFAULT '',
  position integer NOT NULL
);
CREATE UNIQUE INDEX concerns_template_id_key_key ON concerns (template_id, key);

CREATE TABLE checklist_items (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  template_id uuid NOT NULL REFERENCES checklist_templates (id) ON DELETE CASCADE ON UPDATE CASCADE,
  concern_id uuid NOT NULL REFERENCES concerns (id) ON DELETE CASCADE ON UPDATE CASCADE,
  key text NOT NULL,
  title text NOT NULL,
  guidance text NOT NULL DEFAULT '',
  level integer NOT NULL CHECK (level BETWEEN 1 AND 4),
  is_blocker boolean NOT NULL DEFAULT false,
  blocker_rule text,
  tiers integer[],
  position integer NOT NULL
);
CREATE UNIQUE INDEX checklist_items_template_id_key_key ON checklist_items (template_id, key);
CREATE INDEX checklist_items_concern_id_idx ON checklist_items (concern_id);

CREATE TABLE reviews (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  service_id uuid NOT NULL REFERENCES services (id) ON DELETE CASCADE ON UPDATE CASCADE,
  template_id uuid NOT NULL REFERENCES checklist_templates (id) ON DELETE RESTRICT ON UPDATE CASCADE,
  trigger "ReviewTrigger" NOT NULL,
  status "ReviewStatus" NOT NULL DEFAULT 'DRAFT',
  target_date date,
  started_by_id uuid,
  submitted_by_id uuid,
  submitted_at timestamptz(6),
  decided_by_id uuid,
  decided_at timestamptz(6),
  decision "Verdict",
  decision_note text,
  computed_verdict "Verdict",
  level integer,
  level_without_waivers integer,
  target_level integer,
  snapshot jsonb,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz(6) NOT NULL DEFAULT now(),
  updated_at timestamptz(6) NOT NULL DEFAULT now()
);
CREATE INDEX reviews_service_id_created_at_idx ON reviews (service_id, created_at);
CREATE INDEX reviews_status_idx ON reviews (status);

CREATE TABLE review_reviewers (
  review_id uuid NOT NULL REFERENCES reviews (id) ON DELETE CASCADE ON UPDATE CASCADE,
  user_id uuid NOT NULL,
  PRIMARY KEY (review_id, user_id)
);

CREATE TABLE answers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  review_id uuid NOT NULL REFERENCES reviews (id) ON DELETE CASCADE ON UPDATE CASCADE,
  item_id uuid NOT NULL REFERENCES checklist_items (id) ON DELETE RESTRICT ON UPDATE CASCADE,
  status "AnswerStatus" NOT NULL,
  note text NOT NULL DEFAULT '',
  na_reason text,
  version integer NOT NULL DEFAULT 1,
  answered_by_id uuid,
  answered_at timestamptz(6) NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX answers_review_id_item_id_key ON answers (review_id, item_id);

CREATE TABLE evidence (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  answer_id uuid NOT NULL REFERENCES answers (id) ON DELETE CASCADE ON UPDATE CASCADE,
  url text NOT NULL CHECK (url ~* '^https?://'),
  title text NOT NULL,
  kind "EvidenceKind" NOT NULL DEFAULT 'OTHER',
  created_by_id uuid,
  created_at timestamptz(6) NOT NULL DEFAULT now()
);
CREATE INDEX evidence_answer_id_idx ON evidence (answer_id);

CREATE TABLE waivers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  review_id uuid NOT NULL REFERENCES reviews (id) ON DELETE CASCADE ON UPDATE CASCADE,
  item_id uuid NOT NULL REFERENCES checklist_items (id) ON DELETE RESTRICT ON UPDATE CASCADE,
  reason text NOT NULL,
  compensating_control text NOT NULL,
  risk_owner text NOT NULL,
  expires_on date NOT NULL,
  status "WaiverStatus" NOT NULL DEFAULT 'PENDING',
  requested_by_id uuid,
  approved_by_id uuid,
  approved_at timestamptz(6),
  created_at timestamptz(6) NOT NULL DEFAULT now()
);
CREATE INDEX waivers_review_id_idx ON waivers (review_id);

CREATE TABLE api_tokens (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE ON UPDATE CASCADE,
  name text NOT NULL,
  token_hash text NOT NULL,
  prefix text NOT NULL,
  last_used_at timestamptz(6),
  revoked_at timestamptz(6),
  created_at timestamptz(6) NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX api_tokens_token_hash_key ON api_tokens (token_hash);
CREATE INDEX api_tokens_user_id_idx ON api_tokens (user_id);

CREATE TABLE settings (
  key text PRIMARY KEY,
  value jsonb NOT NULL,
  updated_at timestamptz(6) NOT NULL DEFAULT now()
);

CREATE TABLE audit_events (
  id bigserial PRIMARY KEY,
  at timestamptz(6) NOT NULL DEFAULT now(),
  actor_id uuid,
  actor_email text,
  action text NOT NULL,
  entity_type text NOT NULL,
  entity_id text NOT NULL,
  team_id uuid,
  service_id uuid,
  review_id uuid,
  before jsonb,
  after jsonb,
  request_id text
);
CREATE INDEX audit_events_entity_type_entity_id_at_idx ON audit_events (entity_type, entity_id, at);
CREATE INDEX audit_events_review_id_at_idx ON audit_events (review_id, at);
CREATE INDEX audit_events_service_id_at_idx ON audit_events (service_id, at);

-- The audit log is evidence: nobody, not even the application, may rewrite or erase it.
CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only';
END;
$$;
CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
