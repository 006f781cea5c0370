using System.Globalization;

namespace CleaNum.Core;

/// <summary>
/// fr-FR, the one culture of what a user reads: numbers (« 1 234,5 »), amounts, dates and French sorting in reports,
/// the annex, e-mails, pages and CLI messages. Codes, logs, file names and stored values use
/// <see cref="CultureInfo.InvariantCulture"/>; CA1304/CA1305/CA1311 are errors, so every formatting call names one of
/// the two.
/// </summary>
public static class FrenchCulture
{
    public static CultureInfo Instance { get; } = CultureInfo.GetCultureInfo("fr-FR");
}
