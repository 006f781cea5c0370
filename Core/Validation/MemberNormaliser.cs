using CleaNum.Core.Domain;
using CleaNum.Core.Parsing;
using Est = CleaNum.Core.Workbook.MemberWorkbookSchema.Est;
using Org = CleaNum.Core.Workbook.MemberWorkbookSchema.Org;
using Person = CleaNum.Core.Workbook.MemberWorkbookSchema.Person;
using Act = CleaNum.Core.Workbook.MemberWorkbookSchema.Act;
using Ref = CleaNum.Core.Workbook.MemberWorkbookSchema.Ref;

namespace CleaNum.Core.Validation;

/// <summary>
/// Records → domain, best effort: a value whose parser reports an error is null (its issue says why); values with a
/// warning only (URL, phone) are kept. No parser is named here: each typed value is the one the record's field parsed
/// once for the rules (<see cref="SheetRecord.TryParse{TValue}"/>, parser chosen by the field's format).
/// </summary>
internal static class MemberNormaliser
{
    public static MemberOrganisation Organisation(OrganisationRecord r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new MemberOrganisation
        {
            Name = r.Text(Org.Name) ?? "",
            Siren = Value<string>(r, Org.Siren),
            MainActivity = r.Text(Org.MainActivity),
            NafCode = Value<string>(r, Org.Naf),
            Nda = Value<string>(r, Org.Nda),
            Address = r.Text(Org.Address),
            PostalCode = Value<string>(r, Org.PostalCode),
            City = r.Text(Org.City),
            RegionCode = AddressRules.RegionCode(r, Org.PostalCode, Org.Region),
            Website = r.Lenient(Org.Website),
            CreationDate = Struct<DateOnly>(r, Org.CreationDate),
            EmployeeCount = Struct<int>(r, Org.EmployeeCount),
            MainContact = new Contact(r.Text(Org.ContactName), Value<string>(r, Org.ContactEmail), r.Lenient(Org.ContactPhone)),
            BillingContact = r.IsBlank(Org.BillingName) && r.IsBlank(Org.BillingEmail) && r.IsBlank(Org.BillingPhone)
                ? null
                : new Contact(r.Text(Org.BillingName), Value<string>(r, Org.BillingEmail), r.Lenient(Org.BillingPhone)),
            Qualiopi = Struct<bool>(r, Org.Qualiopi),
            QualiopiCertificate = r.Text(Org.QualiopiCertificate),
            QualiopiCertifier = r.Text(Org.QualiopiCertifier),
            QualiopiExpiry = Struct<DateOnly>(r, Org.QualiopiExpiry),
            FirstCleaNumeriqueRequest = Struct<bool>(r, Org.FirstRequest),
            AlreadyHabilitated = Struct<bool>(r, Org.AlreadyHabilitated),
            HabilitationPeriod = r.Text(Org.HabilitationPeriod),
            CleaHabilitated = Struct<bool>(r, Org.CleaHabilitated),
            CleaPeriod = r.Text(Org.CleaPeriod),
            CleaManagementHabilitated = Struct<bool>(r, Org.CleaManagementHabilitated),
            CleaManagementPeriod = r.Text(Org.CleaManagementPeriod),
            EvaluatorCount = Struct<int>(r, Org.EvaluatorCount),
            TrainerCount = Struct<int>(r, Org.TrainerCount),
            ReferencesSummary = r.Text(Org.References),
            Specificities = r.Text(Org.Specificities),
        };
    }

    public static Establishment Establishment(EstablishmentRecord r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new Establishment(
            r.Row,
            r.Text(Est.Name) ?? "",
            Value<string>(r, Est.Siret),
            r.Text(Est.Address),
            Value<string>(r, Est.PostalCode),
            r.Text(Est.City),
            AddressRules.RegionCode(r, Est.PostalCode, Est.Region));
    }

    public static Intervenant Intervenant(IntervenantRecord r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new Intervenant(
            r.Row,
            r.Text(Person.LastName) ?? "",
            r.Text(Person.FirstName) ?? "",
            r.TryParse(Person.Role, out IntervenantRole role) ? role : IntervenantRole.None,
            r.Text(Person.Diplomas),
            r.Text(Person.ProfessionalExperience),
            Value<IReadOnlyList<CleaDomain>>(r, Person.Domains) ?? [],
            r.Text(Person.EvaluationExperience),
            Struct<int>(r, Person.Year),
            Value<string>(r, Person.Siret))
        {
            Status = IntervenantStatus.Recognise(r.Text(Person.Status)) ?? r.Text(Person.Status),
        };
    }

    public static Reference Reference(ReferenceRecord r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new Reference(
            r.Row,
            Struct<int>(r, Ref.Year),
            r.Text(Ref.Client),
            r.Text(Ref.Publics),
            Value<IReadOnlyList<CleaDomain>>(r, Ref.Domains) ?? [],
            Struct<int>(r, Ref.PeopleEvaluated),
            r.Text(Ref.Sectors),
            r.Text(Ref.Description))
        {
            ClientContact = r.Text(Ref.ClientContact),
            Topic = r.Text(Ref.Topic),
            ServiceDate = r.Text(Ref.ServiceDate), // free: a date cell reads jj/mm/aaaa, « mars 2024 » as typed
        };
    }

    public static ActivityYear Activity(ActivityRecord r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new ActivityYear(
            r.Row,
            Struct<int>(r, Act.Year),
            Struct<int>(r, Act.Registered),
            Struct<int>(r, Act.PriorEvaluations),
            Struct<int>(r, Act.FinalEvaluations),
            Struct<int>(r, Act.Certified));
    }

    private static T? Value<T>(SheetRecord r, string key)
        where T : class =>
        r.TryParse(key, out T value) ? value : null;

    private static T? Struct<T>(SheetRecord r, string key)
        where T : struct =>
        r.TryParse(key, out T value) ? value : null;
}
