using CleaNum.Core.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CleaNum.Export.Tests;

public sealed class ExportServiceCollectionExtensionsTests
{
    [Fact]
    public void Does_register_the_template_and_report_writers()
    {
        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddLogging();
        builder.Services.AddCleaNumExport();

        using IHost host = builder.Build();

        Assert.NotNull(host.Services.GetRequiredService<ITemplateWriter>());
        Assert.NotNull(host.Services.GetRequiredService<IMemberReportWriter>());
    }
}
