-- Template 2026.2 (issue 12): form 1.3 history, intervenants' status, reference details and the optional Activite
-- sheet (form 3.2 « Chiffres clés »). Every new column is NULL: versions stored before this script read as files of
-- an earlier template (nothing answered). Member free text is nvarchar(max).

ALTER TABLE dbo.organisation ADD
    first_clea_numerique_request    bit           NULL,
    clea_habilitated                bit           NULL,
    clea_period                     nvarchar(max) NULL,
    clea_management_habilitated     bit           NULL,
    clea_management_period          nvarchar(max) NULL;

ALTER TABLE dbo.intervenant ADD
    status                          nvarchar(max) NULL;

ALTER TABLE dbo.reference ADD
    client_contact                  nvarchar(max) NULL,
    topic                           nvarchar(max) NULL,
    service_date                    nvarchar(max) NULL;

-- One row of the Activite sheet; a count left empty is NULL.
CREATE TABLE dbo.activity (
    submission_id       bigint NOT NULL CONSTRAINT fk_activity_submission REFERENCES dbo.submission (id),
    ordinal             int    NOT NULL,
    sheet_row           int    NOT NULL,
    year                int    NULL,
    registered          int    NULL,
    prior_evaluations   int    NULL,
    final_evaluations   int    NULL,
    certified           int    NULL,
    CONSTRAINT pk_activity PRIMARY KEY (submission_id, ordinal)
);
