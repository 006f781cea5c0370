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
/// warning only (URL, phone) are kept.
/// </summary>
internal static class MemberNormaliser
{
    public static MemberOrganisation Organisation(OrganisationRecord r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new MemberOrganisation
        {
            Name = r.Text(Org.Name) ?? "",
            Siren = Value<string>(r, Org.Siren, CellParsers.Siren),
            MainActivity = r.Text(Org.MainActivity),
            NafCode = Value<string>(r, Org.Naf, CellParsers.Naf),
            Nda = Value<string>(r, Org.Nda, CellParsers.Nda),
            Address = r.Text(Org.Address),
            PostalCode = Value<string>(r, Org.PostalCode, CellParsers.PostalCode),
            City = r.Text(Org.City),
            RegionCode = AddressRules.RegionCode(r, Org.PostalCode, Org.Region),
            Website = r.Lenient(Org.Website, CellParsers.Url),
            CreationDate = Struct<DateOnly>(r, Org.CreationDate, CellParsers.Date),
            EmployeeCount = Struct<int>(r, Org.EmployeeCount, CellParsers.Count),
            MainContact = new Contact(r.Text(Org.ContactName), Value<string>(r, Org.ContactEmail, CellParsers.Email), r.Lenient(Org.ContactPhone, CellParsers.Phone)),
            BillingContact = r.IsBlank(Org.BillingName) && r.IsBlank(Org.BillingEmail) && r.IsBlank(Org.BillingPhone)
                ? null
                : new Contact(r.Text(Org.BillingName), Value<string>(r, Org.BillingEmail, CellParsers.Email), r.Lenient(Org.BillingPhone, CellParsers.Phone)),
            Qualiopi = Struct<bool>(r, Org.Qualiopi, CellParsers.YesNo),
            QualiopiCertificate = r.Text(Org.QualiopiCertificate),
            QualiopiCertifier = r.Text(Org.QualiopiCertifier),
            QualiopiExpiry = Struct<DateOnly>(r, Org.QualiopiExpiry, CellParsers.Date),
            FirstCleaNumeriqueRequest = Struct<bool>(r, Org.FirstRequest, CellParsers.YesNo),
            AlreadyHabilitated = Struct<bool>(r, Org.AlreadyHabilitated, CellParsers.YesNo),
            HabilitationPeriod = r.Text(Org.HabilitationPeriod),
            CleaHabilitated = Struct<bool>(r, Org.CleaHabilitated, CellParsers.YesNo),
            CleaPeriod = r.Text(Org.CleaPeriod),
            CleaManagementHabilitated = Struct<bool>(r, Org.CleaManagementHabilitated, CellParsers.YesNo),
            CleaManagementPeriod = r.Text(Org.CleaManagementPeriod),
            EvaluatorCount = Struct<int>(r, Org.EvaluatorCount, CellParsers.Count),
            TrainerCount = Struct<int>(r, Org.TrainerCount, CellParsers.Count),
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
            Value<string>(r, Est.Siret, CellParsers.Siret),
            r.Text(Est.Address),
            Value<string>(r, Est.PostalCode, CellParsers.PostalCode),
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
            r.TryParse(Person.Role, CellParsers.Role, out IntervenantRole role) ? role : IntervenantRole.None,
            r.Text(Person.Diplomas),
            r.Text(Person.ProfessionalExperience),
            Value<IReadOnlyList<CleaDomain>>(r, Person.Domains, CellParsers.Domains) ?? [],
            r.Text(Person.EvaluationExperience),
            Struct<int>(r, Person.Year, CellParsers.Year),
            Value<string>(r, Person.Siret, CellParsers.Siret))
        {
            Status = IntervenantStatus.Recognise(r.Text(Person.Status)) ?? r.Text(Person.Status),
        };
    }

    public static Reference Reference(ReferenceRecord r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new Reference(
            r.Row,
            Struct<int>(r, Ref.Year, CellParsers.Year),
            r.Text(Ref.Client),
            r.Text(Ref.Publics),
            Value<IReadOnlyList<CleaDomain>>(r, Ref.Domains, CellParsers.Domains) ?? [],
            Struct<int>(r, Ref.PeopleEvaluated, CellParsers.Count),
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
            Struct<int>(r, Act.Year, CellParsers.Year),
            Struct<int>(r, Act.Registered, CellParsers.Count),
            Struct<int>(r, Act.PriorEvaluations, CellParsers.Count),
            Struct<int>(r, Act.FinalEvaluations, CellParsers.Count),
            Struct<int>(r, Act.Certified, CellParsers.Count));
    }

    private static T? Value<T>(SheetRecord r, string key, Func<Workbook.Cell, Parsed<T>> parser)
        where T : class =>
        r.TryParse(key, parser, out T value) ? value : null;

    private static T? Struct<T>(SheetRecord r, string key, Func<Workbook.Cell, Parsed<T>> parser)
        where T : struct =>
        r.TryParse(key, parser, out T value) ? value : null;
}
