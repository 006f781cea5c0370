using CleaNum.Core.Domain;
using CleaNum.Core.Issues;

namespace CleaNum.Core.Tests.Domain;

public sealed class ServiceCodesTests
{
    [Theory]
    [InlineData(SubmissionStatus.Accepted, "accepted")]
    [InlineData(SubmissionStatus.AcceptedWithWarnings, "accepted_with_warnings")]
    [InlineData(SubmissionStatus.Refused, "refused")]
    [InlineData(SubmissionStatus.Duplicate, "duplicate")]
    public void Does_name_each_status_as_service_md_does_and_read_it_back(SubmissionStatus status, string code)
    {
        Assert.Equal(code, ServiceCodes.Of(status));
        Assert.Equal(status, ServiceCodes.ToStatus(code));
    }

    [Theory]
    [InlineData(Severity.Info, "info")]
    [InlineData(Severity.Warning, "warning")]
    [InlineData(Severity.Error, "error")]
    public void Does_name_each_severity_as_service_md_does_and_read_it_back(Severity severity, string code)
    {
        Assert.Equal(code, ServiceCodes.Of(severity));
        Assert.Equal(severity, ServiceCodes.ToSeverity(code));
    }

    [Fact]
    public void Does_refuse_an_unknown_stored_code()
    {
        Assert.Throws<InvalidDataException>(() => ServiceCodes.ToStatus("accepté"));
        Assert.Throws<InvalidDataException>(() => ServiceCodes.ToSeverity("fatal"));
    }
}
