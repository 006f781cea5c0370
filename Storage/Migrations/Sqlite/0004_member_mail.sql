-- Member e-mail (service.md « Member e-mail ») and the reports as issued.
-- member_mail: every message to a member, recorded before it is sent. mail_key is unique so a message is never queued
-- twice; state 'sending' is written just before the transmission, and a message found in it after a crash becomes
-- 'interrupted' and is never sent again. attachments: paths relative to the data folder, one a line.
-- member_report: each report issued (on receipt, for a duplicate, or again when the roster changed its verdict), with
-- the verdict it stated (a fingerprint of its issues).

CREATE TABLE member_mail (
    id                      INTEGER PRIMARY KEY AUTOINCREMENT,
    mail_key                TEXT NOT NULL,
    kind                    TEXT NOT NULL CHECK (kind IN ('report', 'reissue', 'duplicate', 'reminder')),
    siren                   TEXT NULL,
    member_name             TEXT NULL,
    submission_id           INTEGER NULL,
    to_address              TEXT NOT NULL,
    subject                 TEXT NOT NULL,
    text_body               TEXT NOT NULL,
    html_body               TEXT NOT NULL,
    attachments             TEXT NOT NULL,
    report_path             TEXT NULL,
    message_id              TEXT NOT NULL,
    state                   TEXT NOT NULL CHECK (state IN ('pending', 'sending', 'sent', 'failed', 'interrupted')),
    attempts                INTEGER NOT NULL,
    created_at_utc          TEXT NOT NULL,
    next_attempt_at_utc     TEXT NOT NULL,
    sent_at_utc             TEXT NULL,
    last_error              TEXT NULL,
    location                TEXT NULL,
    CONSTRAINT ux_member_mail_key UNIQUE (mail_key)
);

CREATE INDEX ix_member_mail_due ON member_mail (state, next_attempt_at_utc);
CREATE INDEX ix_member_mail_siren ON member_mail (siren, created_at_utc);
CREATE INDEX ix_member_mail_submission ON member_mail (submission_id);

CREATE TABLE member_report (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    siren               TEXT NULL,
    submission_id       INTEGER NOT NULL,
    reason              TEXT NOT NULL CHECK (reason IN ('report', 'reissue', 'duplicate')),
    report_path         TEXT NOT NULL,
    annotated_path      TEXT NULL,
    verdict             TEXT NOT NULL,
    error_count         INTEGER NOT NULL,
    warning_count       INTEGER NOT NULL,
    issued_at_utc       TEXT NOT NULL
);

CREATE INDEX ix_member_report_submission ON member_report (submission_id, id);
CREATE INDEX ix_member_report_siren ON member_report (siren, id);
