using CleaNum.Core.Parsing;
using CleaNum.Core.Workbook;

namespace CleaNum.Core.Tests;

public sealed class TextFoldingTests
{
    [Theory]
    [InlineData("Évaluateur", "Evaluateur")]
    [InlineData("Île-de-France", "Ile-de-France")]
    [InlineData("Œuvre cœur", "OEuvre coeur")]
    [InlineData("Cæsar Æ", "Caesar AE")]
    [InlineData("Ça déçoit", "Ca decoit")]
    [InlineData("straße", "straße")]
    [InlineData("", "")]
    public void Does_remove_diacritics_and_spell_out_ligatures_keeping_case(string text, string expected)
    {
        Assert.Equal(expected, TextFolding.RemoveDiacritics(text));
    }

    [Fact]
    public void Does_fold_to_lower_case()
    {
        Assert.Equal("evaluatrice oeuvre", TextFolding.Fold("ÉVALUATRICE Œuvre"));
    }

    [Fact]
    public void Does_fold_the_same_way_for_labels_and_parsed_words()
    {
        string text = "Main-d'Œuvre Évaluée";

        Assert.Equal("main d oeuvre evaluee", LabelText.Normalize(text));
        Assert.Equal("main-d'oeuvre evaluee", CellParsers.Fold(text));
    }
}
