using System.Reflection;
using CleaNum.Core.Issues;

namespace CleaNum.Core.Tests;

public sealed class ArchitectureTests
{
    [Theory]
    [InlineData("Dapper")]
    [InlineData("ExcelDataReader")]
    [InlineData("ClosedXML")]
    [InlineData("Microsoft.Data.")]
    [InlineData("Quartz")]
    [InlineData("System.Data.SqlClient")]
    public void Core_does_not_reference_infrastructure_assemblies(string forbiddenPrefix)
    {
        AssemblyName[] referenced = typeof(Issue).Assembly.GetReferencedAssemblies();

        Assert.DoesNotContain(referenced, a => a.Name!.StartsWith(forbiddenPrefix, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Core_references_fluent_validation()
    {
        AssemblyName[] referenced = typeof(Issue).Assembly.GetReferencedAssemblies();

        Assert.Contains(referenced, a => a.Name == "FluentValidation");
    }
}
