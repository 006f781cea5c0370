using CleaNum.Core.Workbook;

namespace CleaNum.Core.Parsing;

/// <summary>
/// The « Statut » of an intervenant (member-workbook.md): Salarié / Indépendant / Sous-traitant / Bénévole / Autre,
/// recognised without case, accents, hyphens, plural or feminine (« salariée », « Sous traitants »), plus the usual
/// names of an independent (auto-entrepreneur, micro-entrepreneur, freelance).
/// </summary>
public static class IntervenantStatus
{
    /// <summary>The listed spelling of the status, or null when the text names none of them (or is empty).</summary>
    public static string? Recognise(string? text)
    {
        string value = LabelText.Normalize(text);
        if (value.Length == 0)
        {
            return null;
        }

        string compact = value.Replace(" ", "", StringComparison.Ordinal);
        return compact switch
        {
            _ when compact.StartsWith("salari", StringComparison.Ordinal) => "Salarié",
            _ when compact.StartsWith("independ", StringComparison.Ordinal)
                   || compact.StartsWith("autoentrepreneu", StringComparison.Ordinal)
                   || compact.StartsWith("microentrepreneu", StringComparison.Ordinal)
                   || compact.StartsWith("freelance", StringComparison.Ordinal) => "Indépendant",
            _ when compact.StartsWith("soustrait", StringComparison.Ordinal) => "Sous-traitant",
            _ when compact.StartsWith("benevol", StringComparison.Ordinal) => "Bénévole",
            "autre" or "autres" => "Autre",
            _ => null,
        };
    }
}
