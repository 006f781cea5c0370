using CleaNum.Core.Consolidation;
using CleaNum.Core.Domain;

namespace CleaNum.Export.Annex;

/// <summary>
/// TEMPORARY bridge to the consolidation-model additions of issue 12 (branch <c>model</c>) that have not landed yet: the
/// same member names, computed from what the model holds today. Instance members win over extension members, so once
/// the model lands these are unused and this file is deleted.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "Stand-ins for instance properties of the model.")]
internal static class ModelBridge
{
    extension(NetworkConsolidation c)
    {
        public bool? HeadCleaActivity => null;

        public int CandidateCount => c.IncludedMembers.Count();

        public int SiteCount => c.Establishments.Count;

        public int NetworkSize => c.HasRoster ? c.Members.Count : c.Members.Count(m => m.Latest is not null);

        public bool RegionalCoverage => !c.NationalCoverage && c.RegionsCovered.Count > 0;
    }

    extension(FeeEstimate f)
    {
        public decimal PerCandidate => f.PerApplication;

        public decimal PerSite => f.PerSiret;
    }

    extension(ConsolidatedMember m)
    {
        public MemberOrganisation? Organisation => m.Current?.Data?.Organisation;

        public bool? MandateReceived => m.RosterEntry?.MandateReceived;

        public DateOnly? MandateDate => m.RosterEntry?.MandateDate;

        public int SiteCount => m.Current?.Data?.Establishments.Count ?? 0;
    }

    extension(Intervenant p)
    {
        public string? Status => null;
    }

    extension(Reference r)
    {
        public string? ClientContact => null;

        public string? Topic => null;

        public string? ServiceDate => null;
    }
}
