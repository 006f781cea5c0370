-- Retention (service.md « Retention »): superseded versions lose their personal data; every purge is recorded.
ALTER TABLE dbo.submission ADD purged_at_utc datetime2(7) NULL;

-- kind: retention (superseded versions older than Retention:SupersededVersionsDays) | erasure (one member, purger --siren)
-- origin: purger (command line) | job (the monthly Quartz job)
CREATE TABLE dbo.purge_log (
    id                      bigint IDENTITY(1,1) NOT NULL CONSTRAINT pk_purge_log PRIMARY KEY,
    purged_at_utc           datetime2(7)  NOT NULL,
    kind                    varchar(16)   NOT NULL CONSTRAINT ck_purge_log_kind CHECK (kind IN ('retention', 'erasure')),
    siren                   nvarchar(50)  NULL,
    received_before_utc     datetime2(7)  NULL,
    submissions             int           NOT NULL,
    files                   int           NOT NULL,
    origin                  varchar(16)   NOT NULL
);
