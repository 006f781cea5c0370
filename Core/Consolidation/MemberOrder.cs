using CleaNum.Core.Workbook;

namespace CleaNum.Core.Consolidation;

/// <summary>Members by name (normalised, then as written), then SIREN: the order of every annex sheet.</summary>
public static class MemberOrder
{
    public static int Compare(ConsolidatedMember? a, ConsolidatedMember? b)
    {
        if (ReferenceEquals(a, b))
        {
            return 0;
        }

        if (a is null || b is null)
        {
            return a is null ? -1 : 1;
        }

        int c = string.CompareOrdinal(LabelText.Normalize(a.Name), LabelText.Normalize(b.Name));
        if (c == 0)
        {
            c = string.CompareOrdinal(a.Name, b.Name);
        }

        return c != 0 ? c : string.CompareOrdinal(a.Siren, b.Siren);
    }
}
