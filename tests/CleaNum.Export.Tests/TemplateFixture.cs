using CleaNum.Export.Template;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CleaNum.Export.Tests;

/// <summary>Writes the template once for all template tests.</summary>
public sealed class TemplateFixture : IDisposable
{
    private readonly TempFolder _folder = new();

    public TemplateFixture()
    {
        Path = _folder.File("modele-cleanum.xlsx");
        var writer = new MemberTemplateWriter(
            Options.Create(new ExportOptions { TemplateRowCount = RowCount }), NullLogger<MemberTemplateWriter>.Instance);
        writer.Write(Path);
        FolderFiles = _folder.FileNames();
    }

    public const int RowCount = 500;

    public string Path { get; }

    public IReadOnlyList<string> FolderFiles { get; }

    public void Dispose() => _folder.Dispose();
}
