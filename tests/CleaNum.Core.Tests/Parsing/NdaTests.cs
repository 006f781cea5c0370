using CleaNum.Core.Parsing;

namespace CleaNum.Core.Tests.Parsing;

public sealed class NdaTests
{
    [Theory]
    [InlineData("11751234575", "11", "75", "11", null)]
    [InlineData("84691234569", "84", "69", "84", null)]
    [InlineData("82691234569", "82", "69", "84", "Rhône-Alpes")]
    [InlineData("72331234533", "72", "33", "75", "Aquitaine")]
    [InlineData("31591234559", "31", "59", "32", "Nord-Pas-de-Calais")]
    [InlineData("04971234597", "04", "97", "04", null)]
    [InlineData("94201234520", "94", "20", "94", null)]
    public void Does_read_region_and_departement_digits(string nda, string regionDigits, string departementDigits, string region, string? former)
    {
        Assert.Equal(regionDigits, Nda.RegionDigits(nda));
        Assert.Equal(departementDigits, Nda.DepartementDigits(nda));
        Assert.Equal(region, Nda.CurrentRegion(nda)?.Code);
        Assert.Equal(former, Nda.FormerRegionName(nda));
    }

    [Fact]
    public void Does_return_no_region_when_code_is_unknown()
    {
        Assert.Null(Nda.CurrentRegion("99751234575"));
    }

    [Theory]
    [InlineData("11 75 12345 75", "75", true)]
    [InlineData("11751234575", "92", false)]
    [InlineData("94201234520", "2A", true)]
    [InlineData("94201234520", "2B", true)]
    [InlineData("04971234597", "974", true)]
    public void Does_compare_departement_with_the_address(string nda, string departement, bool expected)
    {
        Assert.Equal(expected, Nda.MatchesDepartement(nda, departement));
    }

    [Fact]
    public void Does_refuse_a_number_that_was_not_parsed()
    {
        Assert.Throws<ArgumentException>(() => Nda.RegionDigits("1175"));
    }
}
