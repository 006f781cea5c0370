using CleaNum.Core.Domain;
using CleaNum.Core.Workbook;

namespace CleaNum.Core.Validation;

/// <summary>What the member-level rules look at: the normalised member and where its values came from.</summary>
internal sealed class MemberRecord(
    ValidationSettings settings,
    OrganisationRecord? organisationRecord,
    MemberOrganisation? organisation,
    RawSheet? establishmentSheet,
    IReadOnlyList<(EstablishmentRecord Record, Establishment Value)> establishments,
    RawSheet? intervenantSheet,
    IReadOnlyList<Intervenant> intervenants)
{
    public ValidationSettings Settings { get; } = settings;

    public OrganisationRecord? OrganisationRecord { get; } = organisationRecord;

    public MemberOrganisation? Organisation { get; } = organisation;

    public RawSheet? EstablishmentSheet { get; } = establishmentSheet;

    public IReadOnlyList<(EstablishmentRecord Record, Establishment Value)> Establishments { get; } = establishments;

    public RawSheet? IntervenantSheet { get; } = intervenantSheet;

    public IReadOnlyList<Intervenant> Intervenants { get; } = intervenants;

    public int EvaluatorCvCount => Intervenants.Count(i => i.Role.HasFlag(IntervenantRole.Evaluator));

    public int TrainerCvCount => Intervenants.Count(i => i.Role.HasFlag(IntervenantRole.Trainer));

    /// <summary>
    /// Every row whose valid SIRET already appeared on an earlier row at the same address, with that first row. A site
    /// is « an entity with a SIRET or a postal address distinct » (member-workbook.md): the same SIRET at another
    /// address is a second site. Addresses (adresse, code postal, ville) are compared without case, accents,
    /// punctuation or spaces.
    /// </summary>
    public IReadOnlyList<SiretDuplicate> DuplicateSirets
    {
        get
        {
            var firstRows = new Dictionary<(string Siret, string Address), int>();
            var duplicates = new List<SiretDuplicate>();
            foreach ((EstablishmentRecord record, Establishment value) in Establishments)
            {
                if (value.Siret is not { } siret)
                {
                    continue;
                }

                var key = (siret, value.AddressKey);
                if (firstRows.TryGetValue(key, out int firstRow))
                {
                    duplicates.Add(new SiretDuplicate(record, siret, firstRow));
                }
                else
                {
                    firstRows[key] = record.Row;
                }
            }

            return duplicates;
        }
    }

    /// <summary>The roster line of this member's SIREN, when there is a roster and a valid SIREN.</summary>
    public RosterMember? RosterMember =>
        Settings.Roster is { } roster && Organisation?.Siren is { } siren
            ? roster.Members.FirstOrDefault(m => m.Siren == siren)
            : null;
}

internal sealed record SiretDuplicate(EstablishmentRecord Record, string Siret, int FirstRow);
