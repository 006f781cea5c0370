-- Retention (service.md « Retention »): superseded versions lose their personal data; every purge is recorded.
ALTER TABLE submission ADD COLUMN purged_at_utc TEXT NULL;

-- kind: retention (superseded versions older than Retention:SupersededVersionsDays) | erasure (one member, purger --siren)
-- origin: purger (command line) | job (the monthly Quartz job)
CREATE TABLE purge_log (
    id                      INTEGER PRIMARY KEY AUTOINCREMENT,
    purged_at_utc           TEXT NOT NULL,
    kind                    TEXT NOT NULL CHECK (kind IN ('retention', 'erasure')),
    siren                   TEXT NULL,
    received_before_utc     TEXT NULL,
    submissions             INTEGER NOT NULL,
    files                   INTEGER NOT NULL,
    origin                  TEXT NOT NULL
);
