-- Splitting a review's work: each concern of a review can be assigned to one editor of the owning team and carries
-- its own progress. A concern nobody has touched has no row (unassigned, not started, version 0); the first
-- assignment or status change creates it at version 1, and every later change moves the version on.
CREATE TYPE "ConcernWorkStatus" AS ENUM ('NOT_STARTED', 'IN_PROGRESS', 'DONE');

CREATE TABLE concern_assignments (
  review_id uuid NOT NULL REFERENCES reviews (id) ON DELETE CASCADE ON UPDATE CASCADE,
  -- The concern's key in the review's own template version (checked by the application: concerns are per template).
  concern_key text NOT NULL CHECK (concern_key <> ''),
  -- A person who leaves keeps nothing assigned: the concern simply becomes unassigned again.
  assignee_id uuid REFERENCES users (id) ON DELETE SET NULL ON UPDATE CASCADE,
  status "ConcernWorkStatus" NOT NULL DEFAULT 'NOT_STARTED',
  version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  updated_by_id uuid,
  updated_at timestamptz(6) NOT NULL DEFAULT now(),
  PRIMARY KEY (review_id, concern_key)
);

-- "What is assigned to me": looked up by assignee across open reviews.
CREATE INDEX concern_assignments_assignee_id_idx ON concern_assignments (assignee_id) WHERE assignee_id IS NOT NULL;
