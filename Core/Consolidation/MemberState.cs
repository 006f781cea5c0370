namespace CleaNum.Core.Consolidation;

/// <summary>A member's state for the network head (annex Synthese, status workbook, <c>cleanum status</c>).</summary>
public enum MemberState
{
    /// <summary>"valide".</summary>
    Valid = 0,

    /// <summary>"avec avertissements".</summary>
    WithWarnings = 1,

    /// <summary>"en erreur": latest file refused, or a blocking error found at consolidation.</summary>
    InError = 2,

    /// <summary>"manquant": listed in the roster, no file received.</summary>
    Missing = 3,
}

public static class MemberStates
{
    /// <summary>The French label of service.md: valide / avec avertissements / en erreur / manquant.</summary>
    public static string Label(MemberState state) => state switch
    {
        MemberState.Valid => "valide",
        MemberState.WithWarnings => "avec avertissements",
        MemberState.InError => "en erreur",
        MemberState.Missing => "manquant",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };
}
