using CleaNum.Core.Domain;
using CleaNum.Core.Issues;
using CleaNum.Core.Workbook;
using FluentValidation;
using FluentValidation.Results;
using Keys = CleaNum.Core.Workbook.MemberWorkbookSchema.Keys;

namespace CleaNum.Core.Validation;

/// <summary>
/// Runs the record validators over every record of a member workbook, then the member-level validator, and builds the
/// normalised <see cref="MemberData"/>. The reader's issues (FILE_*, SHEET_MISSING, COLUMN_MISSING…) are kept.
/// </summary>
internal sealed class MemberWorkbookValidator(
    IValidator<OrganisationRecord> organisationValidator,
    IValidator<EstablishmentRecord> establishmentValidator,
    IValidator<IntervenantRecord> intervenantValidator,
    IValidator<ReferenceRecord> referenceValidator,
    IValidator<ActivityRecord> activityValidator,
    IValidator<MemberRecord> memberValidator) : IMemberWorkbookValidator
{
    /// <summary>The validator with its default rules (what <c>AddCleaNumCore()</c> registers).</summary>
    public static MemberWorkbookValidator CreateDefault() =>
        new(new OrganisationValidator(), new EstablishmentValidator(), new IntervenantValidator(), new ReferenceValidator(),
            new ActivityValidator(), new MemberValidator());

    public MemberValidationResult Validate(RawWorkbook workbook, ValidationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        ArgumentNullException.ThrowIfNull(settings);
        if (workbook.IsUnreadable)
        {
            return new MemberValidationResult(null, IssueOrder.Merge([], workbook.Issues, workbook, MemberWorkbookSchema.Sheets));
        }

        var issues = new List<Issue>();

        RawSheet? organisationSheet = workbook.Sheet(Keys.Organisme);
        OrganisationRecord? organisationRecord = organisationSheet is null
            ? null
            : new OrganisationRecord(
                organisationSheet,
                organisationSheet.Records is [var first, ..] ? first : new RawRecord(organisationSheet.HeaderRow, new Dictionary<string, Cell>()),
                settings);
        MemberOrganisation? organisation = null;
        if (organisationRecord is not null)
        {
            Collect(organisationValidator.Validate(organisationRecord), issues);
            organisation = MemberNormaliser.Organisation(organisationRecord);
        }

        string? memberSiren = organisation?.Siren;

        RawSheet? establishmentSheet = workbook.Sheet(Keys.Etablissements);
        var establishments = new List<(EstablishmentRecord Record, Establishment Value)>();
        foreach (RawRecord raw in establishmentSheet?.Records ?? [])
        {
            var record = new EstablishmentRecord(establishmentSheet!, raw, memberSiren);
            Collect(establishmentValidator.Validate(record), issues);
            establishments.Add((record, MemberNormaliser.Establishment(record)));
        }

        RawSheet? intervenantSheet = workbook.Sheet(Keys.Intervenants);
        var intervenants = new List<Intervenant>();
        foreach (RawRecord raw in intervenantSheet?.Records ?? [])
        {
            var record = new IntervenantRecord(intervenantSheet!, raw, settings) { MemberSiren = memberSiren };
            Collect(intervenantValidator.Validate(record), issues);
            intervenants.Add(MemberNormaliser.Intervenant(record));
        }

        RawSheet? referenceSheet = workbook.Sheet(Keys.References);
        var references = new List<Reference>();
        foreach (RawRecord raw in referenceSheet?.Records ?? [])
        {
            var record = new ReferenceRecord(referenceSheet!, raw, settings);
            Collect(referenceValidator.Validate(record), issues);
            references.Add(MemberNormaliser.Reference(record));
        }

        RawSheet? activitySheet = workbook.Sheet(Keys.Activite);
        var activity = new List<ActivityYear>();
        foreach (RawRecord raw in activitySheet?.Records ?? [])
        {
            var record = new ActivityRecord(activitySheet!, raw, settings);
            Collect(activityValidator.Validate(record), issues);
            activity.Add(MemberNormaliser.Activity(record));
        }

        var member = new MemberRecord(settings, organisationRecord, organisation, establishmentSheet, establishments, intervenantSheet, intervenants);
        Collect(memberValidator.Validate(member), issues);

        MemberData? data = organisation is null
            ? null
            : new MemberData(organisation, [.. establishments.Select(e => e.Value)], intervenants, references) { Activity = activity };
        return new MemberValidationResult(data, IssueOrder.Merge(issues, workbook.Issues, workbook, MemberWorkbookSchema.Sheets));
    }

    private static void Collect(ValidationResult result, List<Issue> issues) =>
        issues.AddRange(result.Errors.Select(IssueFailures.ToIssue));
}
