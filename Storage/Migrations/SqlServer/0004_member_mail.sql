-- Member e-mail (service.md « Member e-mail ») and the reports as issued. Same tables as the SQLite script.
-- member_mail: every message to a member, recorded before it is sent. mail_key is unique so a message is never queued
-- twice; state 'sending' is written just before the transmission, and a message found in it after a crash becomes
-- 'interrupted' and is never sent again. attachments: paths relative to the data folder, one a line.
-- member_report: each report issued (on receipt, for a duplicate, or again when the roster changed its verdict), with
-- the verdict it stated (a fingerprint of its issues).

CREATE TABLE dbo.member_mail (
    id                      bigint IDENTITY(1, 1) NOT NULL CONSTRAINT pk_member_mail PRIMARY KEY,
    mail_key                nvarchar(400) NOT NULL,
    kind                    varchar(20)   NOT NULL
        CONSTRAINT ck_member_mail_kind CHECK (kind IN ('report', 'reissue', 'duplicate', 'reminder')),
    siren                   nvarchar(50)  NULL,
    member_name             nvarchar(400) NULL,
    submission_id           bigint        NULL,
    to_address              nvarchar(400) NOT NULL,
    subject                 nvarchar(1000) NOT NULL,
    text_body               nvarchar(max) NOT NULL,
    html_body               nvarchar(max) NOT NULL,
    attachments             nvarchar(max) NOT NULL,
    report_path             nvarchar(1000) NULL,
    message_id              nvarchar(400) NOT NULL,
    state                   varchar(20)   NOT NULL
        CONSTRAINT ck_member_mail_state CHECK (state IN ('pending', 'sending', 'sent', 'failed', 'interrupted')),
    attempts                int           NOT NULL,
    created_at_utc          datetime2(7)  NOT NULL,
    next_attempt_at_utc     datetime2(7)  NOT NULL,
    sent_at_utc             datetime2(7)  NULL,
    last_error              nvarchar(max) NULL,
    location                nvarchar(1000) NULL,
    CONSTRAINT ux_member_mail_key UNIQUE (mail_key)
);

CREATE INDEX ix_member_mail_due ON dbo.member_mail (state, next_attempt_at_utc);
CREATE INDEX ix_member_mail_siren ON dbo.member_mail (siren, created_at_utc);
CREATE INDEX ix_member_mail_submission ON dbo.member_mail (submission_id);

CREATE TABLE dbo.member_report (
    id                  bigint IDENTITY(1, 1) NOT NULL CONSTRAINT pk_member_report PRIMARY KEY,
    siren               nvarchar(50)  NULL,
    submission_id       bigint        NOT NULL,
    reason              varchar(20)   NOT NULL
        CONSTRAINT ck_member_report_reason CHECK (reason IN ('report', 'reissue', 'duplicate')),
    report_path         nvarchar(1000) NOT NULL,
    annotated_path      nvarchar(1000) NULL,
    verdict             varchar(64)   NOT NULL,
    error_count         int           NOT NULL,
    warning_count       int           NOT NULL,
    issued_at_utc       datetime2(7)  NOT NULL
);

CREATE INDEX ix_member_report_submission ON dbo.member_report (submission_id, id);
CREATE INDEX ix_member_report_siren ON dbo.member_report (siren, id);
