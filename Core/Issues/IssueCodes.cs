namespace CleaNum.Core.Issues;

/// <summary>The issue codes of <c>shared/spec/rules.md</c>. They are a public API: never rename one.</summary>
public static class IssueCodes
{
    // File level
    public const string FileFormatUnsupported = "FILE_FORMAT_UNSUPPORTED";
    public const string FileUnreadable = "FILE_UNREADABLE";
    public const string FileEncrypted = "FILE_ENCRYPTED";
    public const string FileTooLarge = "FILE_TOO_LARGE";
    public const string SheetMissing = "SHEET_MISSING";
    public const string ColumnMissing = "COLUMN_MISSING";
    public const string FileDuplicate = "FILE_DUPLICATE";

    // Row level
    public const string Required = "REQUIRED";
    public const string SirenFormat = "SIREN_FORMAT";
    public const string SirenChecksum = "SIREN_CHECKSUM";
    public const string SiretFormat = "SIRET_FORMAT";
    public const string SiretChecksum = "SIRET_CHECKSUM";
    public const string SiretIsSiren = "SIRET_IS_SIREN";
    public const string IdentifierPrecisionLost = "IDENTIFIER_PRECISION_LOST";
    public const string SiretSirenMismatch = "SIRET_SIREN_MISMATCH";
    public const string SiretDuplicate = "SIRET_DUPLICATE";
    public const string PostalCodeFormat = "POSTAL_CODE_FORMAT";
    public const string PostalCodeUnknown = "POSTAL_CODE_UNKNOWN";
    public const string RegionUnknown = "REGION_UNKNOWN";
    public const string RegionMismatch = "REGION_MISMATCH";
    public const string NafFormat = "NAF_FORMAT";
    public const string NafUnusual = "NAF_UNUSUAL";
    public const string NdaFormat = "NDA_FORMAT";
    public const string NdaRegionMismatch = "NDA_REGION_MISMATCH";
    public const string EmailFormat = "EMAIL_FORMAT";
    public const string PhoneFormat = "PHONE_FORMAT";
    public const string UrlFormat = "URL_FORMAT";
    public const string DateFormat = "DATE_FORMAT";
    public const string NumberFormat = "NUMBER_FORMAT";
    public const string RoleUnknown = "ROLE_UNKNOWN";
    public const string DomainUnknown = "DOMAIN_UNKNOWN";
    public const string YearInvalid = "YEAR_INVALID";
    public const string QualiopiMissing = "QUALIOPI_MISSING";
    public const string QualiopiExpired = "QUALIOPI_EXPIRED";
    public const string IntervenantStatusMissing = "INTERVENANT_STATUS_MISSING";
    public const string ActivityInconsistent = "ACTIVITY_INCONSISTENT";

    // Member level
    public const string CvEvaluatorMissing = "CV_EVALUATOR_MISSING";
    public const string CvTrainerMissing = "CV_TRAINER_MISSING";
    public const string HrCountInconsistent = "HR_COUNT_INCONSISTENT";
    public const string MemberNotInRoster = "MEMBER_NOT_IN_ROSTER";
    public const string MandateMissing = "MANDATE_MISSING";

    // Network level
    public const string SirenConflict = "SIREN_CONFLICT";
    public const string SiretDuplicateNetwork = "SIRET_DUPLICATE_NETWORK";
    public const string CvSampleInsufficient = "CV_SAMPLE_INSUFFICIENT";
    public const string MemberMissing = "MEMBER_MISSING";

    /// <summary>Every code, in the order of rules.md.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        FileFormatUnsupported, FileUnreadable, FileEncrypted, FileTooLarge, SheetMissing, ColumnMissing, FileDuplicate,
        Required, SirenFormat, SirenChecksum, SiretFormat, SiretChecksum, SiretIsSiren, IdentifierPrecisionLost,
        SiretSirenMismatch, SiretDuplicate, PostalCodeFormat, PostalCodeUnknown, RegionUnknown, RegionMismatch,
        NafFormat, NafUnusual, NdaFormat, NdaRegionMismatch, EmailFormat, PhoneFormat, UrlFormat, DateFormat,
        NumberFormat, RoleUnknown, DomainUnknown, YearInvalid, QualiopiMissing, QualiopiExpired,
        IntervenantStatusMissing, ActivityInconsistent,
        CvEvaluatorMissing, CvTrainerMissing, HrCountInconsistent, MemberNotInRoster, MandateMissing,
        SirenConflict, SiretDuplicateNetwork, CvSampleInsufficient, MemberMissing,
    ];
}
