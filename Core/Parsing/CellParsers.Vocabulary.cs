using System.Text.RegularExpressions;
using CleaNum.Core.Domain;
using CleaNum.Core.Issues;
using CleaNum.Core.Workbook;

namespace CleaNum.Core.Parsing;

// Answers chosen from a list: Oui/Non, the intervenant's role, the CléA numérique domains.
public static partial class CellParsers
{
    /// <summary>
    /// Oui/Non, also O/N, X (ticked), Yes/No, Y, Vrai/Faux, true/false, 1/0 and a boolean cell; case, accents and a final
    /// full stop ignored. Unrecognised: code REQUIRED with the detail "Répondez Oui ou Non".
    /// </summary>
    public static Parsed<bool> YesNo(Cell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        bool? answer = cell.Value switch
        {
            bool b => b,
            double d when d == 1 => true,
            double d when d == 0 => false,
            string s => Fold(StructuredText(s)).Trim().TrimEnd('.', '!').Trim() switch
            {
                "oui" or "o" or "x" or "yes" or "y" or "vrai" or "true" or "1" => true,
                "non" or "n" or "no" or "faux" or "false" or "0" => false,
                _ => null,
            },
            _ => null,
        };
        return answer is { } value
            ? Parsed<bool>.Ok(value)
            : Parsed<bool>.Fail(IssueCodes.Required, "Répondez Oui ou Non");
    }

    /// <summary>
    /// Évaluateur / Formateur / Évaluateur et formateur: accents, case, plural and feminine forms, abbreviations
    /// (Eval., Form., Éval. et form.), initials (E, F, E+F, E/F), inclusive forms (Formateur(trice), Évaluateur·rice),
    /// separators (et, ou, &amp;, /, +, -), "Les deux" and the qualifiers that do not change the role (« CléA numérique »,
    /// « habilité », « certifié », « référent ») accepted. Code: ROLE_UNKNOWN.
    /// </summary>
    public static Parsed<IntervenantRole> Role(Cell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        string folded = cell.Value is string s ? Fold(s) : "";
        string[] words = WordSplit().Split(folded).Where(w => w.Length > 0).ToArray();
        IntervenantRole role = IntervenantRole.None;
        bool unknownWord = words.Length == 0;
        if (string.Join(' ', words) is "les deux" or "deux" or "les 2" or "both" or "les deux roles")
        {
            role = IntervenantRole.Both;
        }
        else if (words.Length > 0 && words.All(w => w is "e" or "f" or "et" or "ou" or "and" or "or") && words.Any(w => w is "e" or "f"))
        {
            // "E", "F", "E+F", "E/F", "E et F": the initials a network head's tables often use
            role = (words.Contains("e") ? IntervenantRole.Evaluator : IntervenantRole.None)
                   | (words.Contains("f") ? IntervenantRole.Trainer : IntervenantRole.None);
        }
        else
        {
            foreach (string word in words)
            {
                if (word.StartsWith("eval", StringComparison.Ordinal))
                {
                    role |= IntervenantRole.Evaluator;
                }
                else if (word.StartsWith("form", StringComparison.Ordinal))
                {
                    role |= IntervenantRole.Trainer;
                }
                else if (word is not ("et" or "ou" or "and" or "or" or "e" or "es" or "rice" or "rices" or "trice" or "trices") && !RoleQualifier().IsMatch(word))
                {
                    unknownWord = true;
                }
            }
        }

        return role != IntervenantRole.None && !unknownWord
            ? Parsed<IntervenantRole>.Ok(role)
            : Parsed<IntervenantRole>.Fail(IssueCodes.RoleUnknown, "Évaluateur, Formateur ou Évaluateur et formateur attendu");
    }

    /// <summary>
    /// Numbers 1–4 ("1;2;4", "1, 3", "1 et 2", "D1", "Domaine 3", a numeric cell 2) or the labels of the four domains,
    /// whole or by a distinctive keyword ("sécurité" → 4, "collaboratif" → 3), separated by ; , / + &amp; or new lines;
    /// accents and case ignored. A numeric cell 1.2 is what French Excel makes of "1,2" and reads as domains 1 and 2.
    /// Result: distinct, sorted. Code: DOMAIN_UNKNOWN with the unrecognised part in the detail.
    /// </summary>
    public static Parsed<IReadOnlyList<CleaDomain>> Domains(Cell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        string text = cell.Value switch
        {
            double d => d.ToString("R", Invariant).Replace('.', ';'),
            string s => s,
            _ => Text(cell) ?? "",
        };
        var found = new SortedSet<CleaDomain>();
        foreach (string part in DomainSeparators().Split(text).Select(p => p.Trim()).Where(p => p.Length > 0))
        {
            List<CleaDomain>? domains = DomainsOfPart(part);
            if (domains is null)
            {
                return Parsed<IReadOnlyList<CleaDomain>>.Fail(IssueCodes.DomainUnknown, $"« {part} »");
            }

            found.UnionWith(domains);
        }

        return found.Count > 0
            ? Parsed<IReadOnlyList<CleaDomain>>.Ok([.. found])
            : Parsed<IReadOnlyList<CleaDomain>>.Fail(IssueCodes.DomainUnknown, $"« {text.Trim()} »");
    }

    private static List<CleaDomain>? DomainsOfPart(string part)
    {
        string punctuated = Fold(part).Trim();

        // "Tous (1 à 4)", "3 (Interagir en mode collaboratif)": the two sides, when both read as domains
        Match aside = DomainAside().Match(punctuated);
        if (aside.Success
            && DomainsOfPart(aside.Groups["out"].Value + " " + aside.Groups["after"].Value) is { } outside
            && DomainsOfPart(aside.Groups["in"].Value) is { } inside
            && outside.Count + inside.Count > 0)
        {
            return [.. outside.Union(inside)];
        }

        string folded = string.Join(' ', WordSplit().Split(punctuated).Where(w => w.Length > 0));
        if (folded.Length == 0)
        {
            return [];
        }

        // "tous", "Tous les domaines", "les 4", "les quatre domaines CléA numérique"
        if (AllDomains().IsMatch(folded))
        {
            return [CleaDomain.Environment, CleaDomain.Information, CleaDomain.Collaboration, CleaDomain.Security];
        }

        // "1 à 4" (the template's own hint), "de 1 à 3", "D1-D4", "1–4", "Domaines 1 au 4": every domain of the span
        Match span = DomainSpan().Match(punctuated);
        if (span.Success && span.Groups["a"].Value[0] < span.Groups["b"].Value[0])
        {
            return [.. Enumerable.Range(span.Groups["a"].Value[0] - '0', span.Groups["b"].Value[0] - span.Groups["a"].Value[0] + 1).Select(d => (CleaDomain)d)];
        }

        // "2", "D2", "Domaine 2", "2 - Acquérir…" (a number followed by words but no other number)
        Match number = DomainNumber().Match(folded);
        if (number.Success && !OtherNumber().IsMatch(folded[number.Length..]))
        {
            return [(CleaDomain)(number.Groups[1].Value[0] - '0')];
        }

        if (DomainByKeyword(folded) is { } domain)
        {
            return [domain];
        }

        // "1 et 2", "1 2 3", "information et sécurité"
        string[] pieces = [.. DomainConjunctions().Split(folded).Select(p => p.Trim()).Where(p => p.Length > 0)];
        if (pieces.Length < 2)
        {
            return null;
        }

        var all = new List<CleaDomain>();
        foreach (string piece in pieces)
        {
            if (DomainsOfPart(piece) is not { } sub)
            {
                return null;
            }

            all.AddRange(sub);
        }

        return all;
    }

    private static CleaDomain? DomainByKeyword(string folded)
    {
        var strong = new HashSet<CleaDomain>();
        if (ContainsAny(folded, "information", "acquerir", "exploiter"))
        {
            strong.Add(CleaDomain.Information);
        }

        if (ContainsAny(folded, "collabora", "interagir", "collaborer", "cooperati"))
        {
            strong.Add(CleaDomain.Collaboration);
        }

        if (ContainsAny(folded, "securite", "bonnes pratiques", "regles", "cyber"))
        {
            strong.Add(CleaDomain.Security);
        }

        if (strong.Count == 1)
        {
            return strong.First();
        }

        return strong.Count == 0 && ContainsAny(folded, "environnement", "outils", "identifier") ? CleaDomain.Environment : null;
    }

    private static bool ContainsAny(string text, params ReadOnlySpan<string> keywords)
    {
        foreach (string keyword in keywords)
        {
            if (text.Contains(keyword, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"[^\p{L}\p{N}]+", RegexOptions.CultureInvariant)]
    private static partial Regex WordSplit();

    /// <summary>Folded words that qualify a role without changing it: "Formateur CléA numérique", "Évaluateur habilité", "Formatrice référente".</summary>
    [GeneratedRegex(@"^(?:clea|numerique|habilitee?s?|certifiee?s?|referente?s?)$", RegexOptions.CultureInvariant)]
    private static partial Regex RoleQualifier();

    [GeneratedRegex(@"[;,/+&|\n\r]+", RegexOptions.CultureInvariant)]
    private static partial Regex DomainSeparators();

    /// <summary>Folded words meaning the four domains: "tous", "toutes", "tous les domaines", "les 4", "l'ensemble des domaines".</summary>
    [GeneratedRegex(@"^(?:(?:tous|toutes)(?: les)?(?: (?:4|quatre))?|les (?:4|quatre)|l ensemble(?: des)?|ensemble des|all)(?: domaines?)?(?: clea)?(?: numerique)?$", RegexOptions.CultureInvariant)]
    private static partial Regex AllDomains();

    /// <summary>A span of two domain numbers (folded text, punctuation kept): "1 a 4", "de 1 au 3", "d1-d4", "1–4", "domaines 1 a 4".</summary>
    [GeneratedRegex(@"^(?:(?:de|du|des)\s+)?(?:(?:domaines?|dom|d)\s*)?(?<a>[1-4])\s*(?:a|au|jusqu'?au?|jusqu’au?|-|–|—)\s*(?:(?:domaines?|dom|d)\s*)?(?<b>[1-4])$", RegexOptions.CultureInvariant)]
    private static partial Regex DomainSpan();

    /// <summary>A text with one parenthesised aside (folded): "tous (1 a 4)", "3 (interagir en mode collaboratif)".</summary>
    [GeneratedRegex(@"^(?<out>[^()]*)\((?<in>[^()]+)\)(?<after>[^()]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex DomainAside();

    [GeneratedRegex(@"\bet\b|\band\b|(?<!\b(?:domaines?|dom|d|n|no|numero))\s(?=[1-4]\b)", RegexOptions.CultureInvariant)]
    private static partial Regex DomainConjunctions();

    [GeneratedRegex(@"^(?:domaines?|dom|d|n|no|numero)?\s*([1-4])\b", RegexOptions.CultureInvariant)]
    private static partial Regex DomainNumber();

    [GeneratedRegex(@"\b[0-9]+\b", RegexOptions.CultureInvariant)]
    private static partial Regex OtherNumber();
}
