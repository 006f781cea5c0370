-- CleaNum storage, initial schema (SQL Server 2019+).
-- Identifiers (SIREN, SIRET, postal codes, NDA) are text so leading zeros survive; dates are datetime2 (UTC) or date.
-- Every received file is one row of submission; a member's current version is its latest accepted one
-- (see the current_submission view). Child rows keep the workbook order in ordinal and the Excel row in sheet_row.

CREATE TABLE dbo.member (
    siren                   nvarchar(50)  NOT NULL CONSTRAINT pk_member PRIMARY KEY,
    name                    nvarchar(400) NULL,
    first_received_at_utc   datetime2(7)  NOT NULL,
    last_received_at_utc    datetime2(7)  NOT NULL
);

CREATE TABLE dbo.submission (
    id                  bigint IDENTITY(1, 1) NOT NULL CONSTRAINT pk_submission PRIMARY KEY,
    file_name           nvarchar(400) NOT NULL,
    sha256              nvarchar(64)  NOT NULL,
    received_at_utc     datetime2(7)  NOT NULL,
    size_bytes          bigint        NOT NULL,
    status              varchar(30)   NOT NULL
        CONSTRAINT ck_submission_status CHECK (status IN ('accepted', 'accepted_with_warnings', 'refused', 'duplicate')),
    campaign            int           NOT NULL,
    version             int           NOT NULL,
    siren               nvarchar(50)  NULL CONSTRAINT fk_submission_member REFERENCES dbo.member (siren),
    member_name         nvarchar(400) NULL,
    has_data            bit           NOT NULL,
    CONSTRAINT ux_submission_sha256 UNIQUE (sha256)
);

CREATE UNIQUE INDEX ux_submission_siren_version ON dbo.submission (siren, version) WHERE siren IS NOT NULL;
CREATE INDEX ix_submission_campaign ON dbo.submission (campaign, siren, version);

CREATE TABLE dbo.organisation (
    submission_id           bigint        NOT NULL CONSTRAINT pk_organisation PRIMARY KEY
        CONSTRAINT fk_organisation_submission REFERENCES dbo.submission (id),
    name                    nvarchar(400) NOT NULL,
    siren                   nvarchar(50)  NULL,
    main_activity           nvarchar(max) NULL,
    naf_code                nvarchar(50)  NULL,
    nda                     nvarchar(50)  NULL,
    address                 nvarchar(max) NULL,
    postal_code             nvarchar(50)  NULL,
    city                    nvarchar(200) NULL,
    region_code             nvarchar(10)  NULL,
    website                 nvarchar(max) NULL,
    creation_date           date          NULL,
    employee_count          int           NULL,
    main_contact_name       nvarchar(400) NULL,
    main_contact_email      nvarchar(400) NULL,
    main_contact_phone      nvarchar(100) NULL,
    has_billing_contact     bit           NOT NULL,
    billing_contact_name    nvarchar(400) NULL,
    billing_contact_email   nvarchar(400) NULL,
    billing_contact_phone   nvarchar(100) NULL,
    qualiopi                bit           NULL,
    qualiopi_certificate    nvarchar(400) NULL,
    qualiopi_certifier      nvarchar(400) NULL,
    qualiopi_expiry         date          NULL,
    already_habilitated     bit           NULL,
    habilitation_period     nvarchar(400) NULL,
    evaluator_count         int           NULL,
    trainer_count           int           NULL,
    references_summary      nvarchar(max) NULL,
    specificities           nvarchar(max) NULL
);

CREATE TABLE dbo.establishment (
    submission_id   bigint        NOT NULL CONSTRAINT fk_establishment_submission REFERENCES dbo.submission (id),
    ordinal         int           NOT NULL,
    sheet_row       int           NOT NULL,
    name            nvarchar(400) NOT NULL,
    siret           nvarchar(50)  NULL,
    address         nvarchar(max) NULL,
    postal_code     nvarchar(50)  NULL,
    city            nvarchar(200) NULL,
    region_code     nvarchar(10)  NULL,
    CONSTRAINT pk_establishment PRIMARY KEY (submission_id, ordinal)
);

-- role: none | evaluator | trainer | both; domains: CléA domain numbers separated by ';' (e.g. "1;3").
CREATE TABLE dbo.intervenant (
    submission_id           bigint        NOT NULL CONSTRAINT fk_intervenant_submission REFERENCES dbo.submission (id),
    ordinal                 int           NOT NULL,
    sheet_row               int           NOT NULL,
    last_name               nvarchar(200) NOT NULL,
    first_name              nvarchar(200) NOT NULL,
    role                    varchar(20)   NOT NULL
        CONSTRAINT ck_intervenant_role CHECK (role IN ('none', 'evaluator', 'trainer', 'both')),
    diplomas                nvarchar(max) NULL,
    professional_experience nvarchar(max) NULL,
    domains                 varchar(20)   NOT NULL,
    evaluation_experience   nvarchar(max) NULL,
    year                    int           NULL,
    siret                   nvarchar(50)  NULL,
    CONSTRAINT pk_intervenant PRIMARY KEY (submission_id, ordinal)
);

CREATE TABLE dbo.reference (
    submission_id       bigint        NOT NULL CONSTRAINT fk_reference_submission REFERENCES dbo.submission (id),
    ordinal             int           NOT NULL,
    sheet_row           int           NOT NULL,
    year                int           NULL,
    client              nvarchar(400) NULL,
    publics             nvarchar(max) NULL,
    domains             varchar(20)   NOT NULL,
    people_evaluated    int           NULL,
    sectors             nvarchar(max) NULL,
    description         nvarchar(max) NULL,
    CONSTRAINT pk_reference PRIMARY KEY (submission_id, ordinal)
);

-- severity: info | warning | error; column_label is the header label, cell_address the Excel column letters.
CREATE TABLE dbo.issue (
    submission_id   bigint        NOT NULL CONSTRAINT fk_issue_submission REFERENCES dbo.submission (id),
    ordinal         int           NOT NULL,
    severity        varchar(10)   NOT NULL CONSTRAINT ck_issue_severity CHECK (severity IN ('info', 'warning', 'error')),
    code            varchar(100)  NOT NULL,
    sheet           nvarchar(100) NULL,
    sheet_row       int           NULL,
    column_label    nvarchar(400) NULL,
    cell_value      nvarchar(max) NULL,
    message         nvarchar(max) NOT NULL,
    hint            nvarchar(max) NULL,
    cell_address    varchar(20)   NULL,
    CONSTRAINT pk_issue PRIMARY KEY (submission_id, ordinal)
);
GO

-- Each member's current version per campaign: its latest accepted (or accepted with warnings) submission.
CREATE VIEW dbo.current_submission AS
SELECT s.id, s.siren, s.campaign, s.version
FROM dbo.submission s
WHERE s.siren IS NOT NULL
  AND s.status IN ('accepted', 'accepted_with_warnings')
  AND NOT EXISTS (
      SELECT 1 FROM dbo.submission n
      WHERE n.siren = s.siren
        AND n.campaign = s.campaign
        AND n.status IN ('accepted', 'accepted_with_warnings')
        AND n.version > s.version);
GO
