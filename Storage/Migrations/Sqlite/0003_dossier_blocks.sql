-- Template 2026.2 (issue 12): form 1.3 history, intervenants' status, reference details and the optional Activite
-- sheet (form 3.2 « Chiffres clés »). Every new column is NULL: versions stored before this script read as files of
-- an earlier template (nothing answered).

ALTER TABLE organisation ADD COLUMN first_clea_numerique_request INTEGER NULL;
ALTER TABLE organisation ADD COLUMN clea_habilitated INTEGER NULL;
ALTER TABLE organisation ADD COLUMN clea_period TEXT NULL;
ALTER TABLE organisation ADD COLUMN clea_management_habilitated INTEGER NULL;
ALTER TABLE organisation ADD COLUMN clea_management_period TEXT NULL;

ALTER TABLE intervenant ADD COLUMN status TEXT NULL;

ALTER TABLE reference ADD COLUMN client_contact TEXT NULL;
ALTER TABLE reference ADD COLUMN topic TEXT NULL;
ALTER TABLE reference ADD COLUMN service_date TEXT NULL;

-- One row of the Activite sheet; a count left empty is NULL.
CREATE TABLE activity (
    submission_id       INTEGER NOT NULL REFERENCES submission (id),
    ordinal             INTEGER NOT NULL,
    sheet_row           INTEGER NOT NULL,
    year                INTEGER NULL,
    registered          INTEGER NULL,
    prior_evaluations   INTEGER NULL,
    final_evaluations   INTEGER NULL,
    certified           INTEGER NULL,
    PRIMARY KEY (submission_id, ordinal)
) WITHOUT ROWID;
