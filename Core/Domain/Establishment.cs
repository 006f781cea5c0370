using System.Text;

namespace CleaNum.Core.Domain;

/// <summary>One row of <c>Etablissements</c> (form table 1.4): one site. <see cref="Row"/> is the Excel row.
/// <see cref="RegionCode"/> is the région of the postal code (the typed one only when the postal code says nothing).</summary>
public sealed record Establishment(
    int Row,
    string Name,
    string? Siret,
    string? Address,
    string? PostalCode,
    string? City,
    string? RegionCode)
{
    /// <summary>The address (adresse, code postal, ville) without case, accents, punctuation or spaces: two rows of one
    /// SIRET are one site (SIRET_DUPLICATE) only when these are equal.</summary>
    public string AddressKey
    {
        get
        {
            string text = TextFolding.Fold(string.Join(' ', Address, PostalCode, City));
            var builder = new StringBuilder(text.Length);
            foreach (char c in text)
            {
                if (char.IsLetterOrDigit(c))
                {
                    builder.Append(c);
                }
            }

            return builder.ToString();
        }
    }
}
