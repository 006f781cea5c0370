-- CleaNum storage, initial schema (SQLite).
-- Identifiers (SIREN, SIRET, postal codes, NDA) are TEXT so leading zeros survive; dates are ISO-8601 TEXT (UTC).
-- Every received file is one row of submission; a member's current version is its latest accepted one
-- (see the current_submission view). Child rows keep the workbook order in ordinal and the Excel row in sheet_row.

CREATE TABLE member (
    siren                   TEXT NOT NULL PRIMARY KEY,
    name                    TEXT NULL,
    first_received_at_utc   TEXT NOT NULL,
    last_received_at_utc    TEXT NOT NULL
);

CREATE TABLE submission (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    file_name           TEXT NOT NULL,
    sha256              TEXT NOT NULL,
    received_at_utc     TEXT NOT NULL,
    size_bytes          INTEGER NOT NULL,
    status              TEXT NOT NULL CHECK (status IN ('accepted', 'accepted_with_warnings', 'refused', 'duplicate')),
    campaign            INTEGER NOT NULL,
    version             INTEGER NOT NULL,
    siren               TEXT NULL REFERENCES member (siren),
    member_name         TEXT NULL,
    has_data            INTEGER NOT NULL,
    CONSTRAINT ux_submission_sha256 UNIQUE (sha256)
);

CREATE UNIQUE INDEX ux_submission_siren_version ON submission (siren, version) WHERE siren IS NOT NULL;
CREATE INDEX ix_submission_campaign ON submission (campaign, siren, version);

CREATE TABLE organisation (
    submission_id           INTEGER NOT NULL PRIMARY KEY REFERENCES submission (id),
    name                    TEXT NOT NULL,
    siren                   TEXT NULL,
    main_activity           TEXT NULL,
    naf_code                TEXT NULL,
    nda                     TEXT NULL,
    address                 TEXT NULL,
    postal_code             TEXT NULL,
    city                    TEXT NULL,
    region_code             TEXT NULL,
    website                 TEXT NULL,
    creation_date           TEXT NULL,
    employee_count          INTEGER NULL,
    main_contact_name       TEXT NULL,
    main_contact_email      TEXT NULL,
    main_contact_phone      TEXT NULL,
    has_billing_contact     INTEGER NOT NULL,
    billing_contact_name    TEXT NULL,
    billing_contact_email   TEXT NULL,
    billing_contact_phone   TEXT NULL,
    qualiopi                INTEGER NULL,
    qualiopi_certificate    TEXT NULL,
    qualiopi_certifier      TEXT NULL,
    qualiopi_expiry         TEXT NULL,
    already_habilitated     INTEGER NULL,
    habilitation_period     TEXT NULL,
    evaluator_count         INTEGER NULL,
    trainer_count           INTEGER NULL,
    references_summary      TEXT NULL,
    specificities           TEXT NULL
);

CREATE TABLE establishment (
    submission_id   INTEGER NOT NULL REFERENCES submission (id),
    ordinal         INTEGER NOT NULL,
    sheet_row       INTEGER NOT NULL,
    name            TEXT NOT NULL,
    siret           TEXT NULL,
    address         TEXT NULL,
    postal_code     TEXT NULL,
    city            TEXT NULL,
    region_code     TEXT NULL,
    PRIMARY KEY (submission_id, ordinal)
) WITHOUT ROWID;

-- role: none | evaluator | trainer | both; domains: CléA domain numbers separated by ';' (e.g. "1;3").
CREATE TABLE intervenant (
    submission_id           INTEGER NOT NULL REFERENCES submission (id),
    ordinal                 INTEGER NOT NULL,
    sheet_row               INTEGER NOT NULL,
    last_name               TEXT NOT NULL,
    first_name              TEXT NOT NULL,
    role                    TEXT NOT NULL CHECK (role IN ('none', 'evaluator', 'trainer', 'both')),
    diplomas                TEXT NULL,
    professional_experience TEXT NULL,
    domains                 TEXT NOT NULL,
    evaluation_experience   TEXT NULL,
    year                    INTEGER NULL,
    siret                   TEXT NULL,
    PRIMARY KEY (submission_id, ordinal)
) WITHOUT ROWID;

CREATE TABLE reference (
    submission_id       INTEGER NOT NULL REFERENCES submission (id),
    ordinal             INTEGER NOT NULL,
    sheet_row           INTEGER NOT NULL,
    year                INTEGER NULL,
    client              TEXT NULL,
    publics             TEXT NULL,
    domains             TEXT NOT NULL,
    people_evaluated    INTEGER NULL,
    sectors             TEXT NULL,
    description         TEXT NULL,
    PRIMARY KEY (submission_id, ordinal)
) WITHOUT ROWID;

-- severity: info | warning | error; column_label is the header label, cell_address the Excel column letters.
CREATE TABLE issue (
    submission_id   INTEGER NOT NULL REFERENCES submission (id),
    ordinal         INTEGER NOT NULL,
    severity        TEXT NOT NULL CHECK (severity IN ('info', 'warning', 'error')),
    code            TEXT NOT NULL,
    sheet           TEXT NULL,
    sheet_row       INTEGER NULL,
    column_label    TEXT NULL,
    cell_value      TEXT NULL,
    message         TEXT NOT NULL,
    hint            TEXT NULL,
    cell_address    TEXT NULL,
    PRIMARY KEY (submission_id, ordinal)
) WITHOUT ROWID;

-- Each member's current version per campaign: its latest accepted (or accepted with warnings) submission.
CREATE VIEW current_submission AS
SELECT s.id, s.siren, s.campaign, s.version
FROM submission s
WHERE s.siren IS NOT NULL
  AND s.status IN ('accepted', 'accepted_with_warnings')
  AND NOT EXISTS (
      SELECT 1 FROM submission n
      WHERE n.siren = s.siren
        AND n.campaign = s.campaign
        AND n.status IN ('accepted', 'accepted_with_warnings')
        AND n.version > s.version);
