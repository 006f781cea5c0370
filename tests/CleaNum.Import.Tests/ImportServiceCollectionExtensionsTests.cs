using CleaNum.Core.Ports;
using CleaNum.Core.Workbook;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CleaNum.Import.Tests;

public sealed class ImportServiceCollectionExtensionsTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddCleaNumImport();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    [Fact]
    public void Does_bind_import_options_and_resolve_a_reader_that_reads_a_member_workbook()
    {
        using ServiceProvider provider = Build(new() { ["Import:MaxRowsPerSheet"] = "1000", ["Import:MaxFileSizeBytes"] = "1048576" });

        ImportOptions options = provider.GetRequiredService<IOptions<ImportOptions>>().Value;

        Assert.Equal(1000, options.MaxRowsPerSheet);
        Assert.Equal(1048576, options.MaxFileSizeBytes);
        Assert.Equal(200, options.MaxCompressionRatio);
        RawWorkbook raw = provider.GetRequiredService<IWorkbookReader>().Read(
            Path.Combine(AppContext.BaseDirectory, "sample-data", "acme-formation-idf.xlsx"), MemberWorkbookSchema.Sheets, CancellationToken.None);
        Assert.False(raw.IsUnreadable);
        Assert.Contains(raw.Sheets, s => s.Definition.Key == MemberWorkbookSchema.Keys.Organisme);
    }

    [Fact]
    public void Does_reject_out_of_range_options()
    {
        using ServiceProvider provider = Build(new() { ["Import:MaxRowsPerSheet"] = "0" });

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ImportOptions>>().Value);

        Assert.Contains(nameof(ImportOptions.MaxRowsPerSheet), exception.Message, StringComparison.Ordinal);
    }
}
