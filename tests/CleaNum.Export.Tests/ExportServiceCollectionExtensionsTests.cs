using CleaNum.Core.Ports;
using CleaNum.Core.Workbook;
using ClosedXML.Excel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CleaNum.Export.Tests;

public sealed class ExportServiceCollectionExtensionsTests
{
    [Fact]
    public void Does_register_writers_that_write_the_template_and_a_member_report()
    {
        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddLogging();
        builder.Services.AddCleaNumExport();
        using IHost host = builder.Build();
        using var folder = new TempFolder();
        string template = folder.File("modele.xlsx");

        host.Services.GetRequiredService<ITemplateWriter>().Write(template);
        MemberReportFiles report = host.Services.GetRequiredService<IMemberReportWriter>().Write(
            new MemberReportRequest(ASubmission.Accepted(), folder.File("absent.xlsx"), ASubmission.GeneratedAt), folder.Path);

        using (var workbook = new XLWorkbook(template))
        {
            Assert.True(workbook.Worksheets.Contains(MemberWorkbookSchema.Organisme.Name));
        }

        Assert.True(File.Exists(report.ReportPath));
        using var reportWorkbook = new XLWorkbook(report.ReportPath);
        Assert.NotEmpty(reportWorkbook.Worksheets);
    }
}
