using CleaNum.Core.Domain;
using CleaNum.Core.Issues;
using CleaNum.Core.Parsing;

namespace CleaNum.Core.Tests.Parsing;

public sealed partial class CellParsersTests
{
    [Theory]
    [InlineData("Oui", true)]
    [InlineData("OUI", true)]
    [InlineData(" oui. ", true)]
    [InlineData("O", true)]
    [InlineData("x", true)]
    [InlineData("Yes", true)]
    [InlineData("true", true)]
    [InlineData("Vrai", true)]
    [InlineData("1", true)]
    [InlineData(1d, true)]
    [InlineData(true, true)]
    [InlineData("Non", false)]
    [InlineData("NON", false)]
    [InlineData("n", false)]
    [InlineData("No", false)]
    [InlineData("false", false)]
    [InlineData("0", false)]
    [InlineData(0d, false)]
    [InlineData(false, false)]
    public void Does_read_yes_no(object value, bool expected)
    {
        Parsed<bool> parsed = CellParsers.YesNo(C(value));

        Assert.True(parsed.IsOk);
        Assert.Equal(expected, parsed.Value);
    }

    [Theory]
    [InlineData("Peut-être")]
    [InlineData("en cours")]
    [InlineData(2d)]
    public void Does_ask_for_oui_or_non_when_answer_is_unknown(object value)
    {
        Parsed<bool> parsed = CellParsers.YesNo(C(value));

        Assert.Equal(IssueCodes.Required, parsed.ErrorCode);
        Assert.Equal("Répondez Oui ou Non", parsed.Detail);
    }

    [Theory]
    [InlineData("Évaluateur", IntervenantRole.Evaluator)]
    [InlineData("evaluateur", IntervenantRole.Evaluator)]
    [InlineData("ÉVALUATEURS", IntervenantRole.Evaluator)]
    [InlineData("Évaluatrice", IntervenantRole.Evaluator)]
    [InlineData("Eval.", IntervenantRole.Evaluator)]
    [InlineData("Formateur", IntervenantRole.Trainer)]
    [InlineData("formatrice", IntervenantRole.Trainer)]
    [InlineData("Form.", IntervenantRole.Trainer)]
    [InlineData("Évaluateur et formateur", IntervenantRole.Both)]
    [InlineData("Evaluateur/Formateur", IntervenantRole.Both)]
    [InlineData("Éval. et form.", IntervenantRole.Both)]
    [InlineData("Formateur & évaluateur", IntervenantRole.Both)]
    [InlineData("Evaluateur - Formateur", IntervenantRole.Both)]
    [InlineData("Les deux", IntervenantRole.Both)]
    [InlineData("Formateur(trice)", IntervenantRole.Trainer)]
    [InlineData("Évaluateur·rice", IntervenantRole.Evaluator)]
    [InlineData("Évaluateur.trice et formateur.trice", IntervenantRole.Both)]
    [InlineData("Évaluateur et/ou formateur", IntervenantRole.Both)]
    public void Does_read_role(string text, IntervenantRole expected)
    {
        Parsed<IntervenantRole> parsed = CellParsers.Role(C(text));

        Assert.True(parsed.IsOk);
        Assert.Equal(expected, parsed.Value);
    }

    [Theory]
    [InlineData("E", IntervenantRole.Evaluator)]
    [InlineData("f", IntervenantRole.Trainer)]
    [InlineData("E+F", IntervenantRole.Both)]
    [InlineData("E/F", IntervenantRole.Both)]
    [InlineData("E et F", IntervenantRole.Both)]
    [InlineData("Formateur CléA numérique", IntervenantRole.Trainer)]
    [InlineData("Évaluateur habilité", IntervenantRole.Evaluator)]
    [InlineData("Évaluatrice certifiée", IntervenantRole.Evaluator)]
    [InlineData("Formatrice référente", IntervenantRole.Trainer)]
    [InlineData("Formateur / Evaluateur CléA", IntervenantRole.Both)]
    [InlineData("Formateur - évaluateur ", IntervenantRole.Both)]
    public void Does_read_role_initials_and_qualified_roles(string text, IntervenantRole expected)
    {
        Parsed<IntervenantRole> parsed = CellParsers.Role(C(text));

        Assert.True(parsed.IsOk, parsed.Detail);
        Assert.Equal(expected, parsed.Value);
    }

    [Theory]
    [InlineData("EF")]
    [InlineData("E, F, G")]
    [InlineData("CléA")]
    [InlineData("Formateur et jury")]
    public void Does_reject_initials_mixed_with_other_letters_or_a_qualifier_alone(string text)
    {
        Assert.Equal(IssueCodes.RoleUnknown, CellParsers.Role(C(text)).ErrorCode);
    }

    [Theory]
    [InlineData("Tuteur")]
    [InlineData("Formateur et tuteur")]
    [InlineData("Jury")]
    [InlineData("et")]
    [InlineData("trice")]
    public void Does_reject_unknown_role(string text)
    {
        Assert.Equal(IssueCodes.RoleUnknown, CellParsers.Role(C(text)).ErrorCode);
        Assert.Equal(IssueCodes.RoleUnknown, CellParsers.Role(C(1d)).ErrorCode);
    }

    [Theory]
    [InlineData("1;2;4", new[] { 1, 2, 4 })]
    [InlineData("1, 3", new[] { 1, 3 })]
    [InlineData("4;1;1", new[] { 1, 4 })]
    [InlineData("1 et 2", new[] { 1, 2 })]
    [InlineData("1 2 3", new[] { 1, 2, 3 })]
    [InlineData("D1", new[] { 1 })]
    [InlineData("Domaine 3", new[] { 3 })]
    [InlineData("Domaines 1 et 4", new[] { 1, 4 })]
    [InlineData("Identifier son environnement et utiliser les outils associés", new[] { 1 })]
    [InlineData("Acquérir et exploiter de l'information dans un environnement professionnel numérisé", new[] { 2 })]
    [InlineData("Interagir en mode collaboratif", new[] { 3 })]
    [InlineData("Appliquer les règles et bonnes pratiques de la sécurité numérique", new[] { 4 })]
    [InlineData("APPLIQUER LES REGLES ET BONNES PRATIQUES DE LA SECURITE NUMERIQUE", new[] { 4 })]
    [InlineData("sécurité; collaboratif", new[] { 3, 4 })]
    [InlineData("information et sécurité", new[] { 2, 4 })]
    [InlineData("1 - Identifier son environnement\n2 - Acquérir et exploiter de l'information", new[] { 1, 2 })]
    [InlineData("3. Interagir", new[] { 3 })]
    public void Does_read_domains(string text, int[] expected)
    {
        Parsed<IReadOnlyList<CleaDomain>> parsed = CellParsers.Domains(C(text));

        Assert.True(parsed.IsOk, parsed.Detail);
        Assert.Equal(expected.Select(d => (CleaDomain)d), parsed.Value!);
    }

    [Theory]
    [InlineData("1 à 4", new[] { 1, 2, 3, 4 })] // the template's own hint, typed back
    [InlineData("1 a 3", new[] { 1, 2, 3 })]
    [InlineData("de 1 à 4", new[] { 1, 2, 3, 4 })]
    [InlineData("1 au 4", new[] { 1, 2, 3, 4 })]
    [InlineData("2 à 4", new[] { 2, 3, 4 })]
    [InlineData("1-4", new[] { 1, 2, 3, 4 })]
    [InlineData("1 – 4", new[] { 1, 2, 3, 4 })]
    [InlineData("D1-D4", new[] { 1, 2, 3, 4 })]
    [InlineData("D1 à D3", new[] { 1, 2, 3 })]
    [InlineData("Domaines 1 à 4", new[] { 1, 2, 3, 4 })]
    [InlineData("1;3 à 4", new[] { 1, 3, 4 })]
    [InlineData("tous", new[] { 1, 2, 3, 4 })]
    [InlineData("Tous les domaines", new[] { 1, 2, 3, 4 })]
    [InlineData("TOUS", new[] { 1, 2, 3, 4 })]
    [InlineData("les 4", new[] { 1, 2, 3, 4 })]
    [InlineData("Les quatre domaines", new[] { 1, 2, 3, 4 })]
    [InlineData("Tous (1 à 4)", new[] { 1, 2, 3, 4 })]
    [InlineData("1 à 4 (tous)", new[] { 1, 2, 3, 4 })]
    [InlineData("3 (Interagir en mode collaboratif)", new[] { 3 })]
    [InlineData("1-2-3", new[] { 1, 2, 3 })] // three numbers: a list, not a span
    [InlineData("1/2/3", new[] { 1, 2, 3 })]
    [InlineData("1 ; 2", new[] { 1, 2 })]
    [InlineData("1.2.3.4", new[] { 1, 2, 3, 4 })]
    [InlineData("1, 2, 3 et 4", new[] { 1, 2, 3, 4 })]
    public void Does_read_every_domain_of_a_span_or_of_tous(string text, int[] expected)
    {
        Parsed<IReadOnlyList<CleaDomain>> parsed = CellParsers.Domains(C(text));

        Assert.True(parsed.IsOk, parsed.Detail);
        Assert.Equal(expected.Select(d => (CleaDomain)d), parsed.Value!);
    }

    [Theory]
    [InlineData(12d, "« 12 »")]
    [InlineData(1234d, "« 1234 »")]
    [InlineData("aucun", "« aucun »")]
    [InlineData("tous sauf 4", "« tous sauf 4 »")]
    public void Does_not_guess_domains_from_run_together_digits_or_other_words(object value, string detail)
    {
        Parsed<IReadOnlyList<CleaDomain>> parsed = CellParsers.Domains(C(value));

        Assert.Equal(IssueCodes.DomainUnknown, parsed.ErrorCode);
        Assert.Equal(detail, parsed.Detail);
    }

    [Fact]
    public void Does_read_numeric_domain_cells()
    {
        Assert.Equal([CleaDomain.Information], CellParsers.Domains(C(2d)).Value!);
        Assert.Equal([CleaDomain.Environment, CleaDomain.Information], CellParsers.Domains(C(1.2)).Value!); // "1,2" in French Excel
    }

    [Theory]
    [InlineData("5", "« 5 »")]
    [InlineData("1;5", "« 5 »")]
    [InlineData("1; bureautique", "« bureautique »")]
    [InlineData("12", "« 12 »")]
    [InlineData(";", "« ; »")]
    [InlineData("numérique", "« numérique »")]
    public void Does_name_the_unknown_part_when_a_domain_is_not_recognised(string text, string detail)
    {
        Parsed<IReadOnlyList<CleaDomain>> parsed = CellParsers.Domains(C(text));

        Assert.Equal(IssueCodes.DomainUnknown, parsed.ErrorCode);
        Assert.Equal(detail, parsed.Detail);
    }
}
