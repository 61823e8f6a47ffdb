-- What the provider actually answered when a job failed (a cut JSON body, an HTML error page), kept
-- for diagnosis beside the error code and message.
ALTER TABLE jobs ADD COLUMN last_error_raw TEXT;
