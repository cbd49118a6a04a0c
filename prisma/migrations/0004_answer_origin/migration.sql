-- Where each answer came from. A review started from the service's last decided review carries that review's
-- answers forward: they name the review they came from and count for nothing until someone confirms them.
-- Answers given in the review itself keep carried_from_review_id NULL and need no confirmation.
ALTER TABLE answers
  ADD COLUMN carried_from_review_id uuid REFERENCES reviews (id) ON DELETE SET NULL ON UPDATE CASCADE,
  ADD COLUMN confirmed_by_id uuid,
  ADD COLUMN confirmed_at timestamptz(6);

-- Who confirmed is only ever recorded together with when.
-- compat-reviewed: the check reads only the columns added above, which the previous release never writes (both stay NULL).
ALTER TABLE answers ADD CONSTRAINT answers_confirmation_check CHECK (confirmed_by_id IS NULL OR confirmed_at IS NOT NULL);

-- The default checklist named internal tools ("Routed to the logging-observability skill") in its concern
-- descriptions; the concern pages now give that advice in plain words with a link, so the names go.
UPDATE concerns SET description = regexp_replace(description, '\s*Routed to the .*$', '')
WHERE description ~ 'Routed to the ';
