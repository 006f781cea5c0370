namespace CleaNum.Core.Tests;

/// <summary>The skip path of <see cref="SharedFactAttribute"/>/<see cref="SharedTheoryAttribute"/>: without
/// <c>../shared</c> the tests that read it are reported skipped with the reason, with it they run.</summary>
public sealed class SharedFolderTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("cleanum-shared-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Skips_with_the_reason_when_no_shared_folder_is_above_the_tests()
    {
        string tests = Directory.CreateDirectory(Path.Combine(_root, "clone", "tests", "bin")).FullName;

        string? located = SharedFolder.Locate([tests, Path.Combine(_root, "missing")], ceiling: _root);

        Assert.Null(located);
        Assert.Equal(SharedFolder.SkipReason, new SharedFactAttribute(located).Skip);
        Assert.Equal(SharedFolder.SkipReason, new SharedTheoryAttribute(located).Skip);
        Assert.Contains("../shared", SharedFolder.SkipReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Runs_the_tests_when_the_shared_folder_is_beside_the_clone()
    {
        string tests = Directory.CreateDirectory(Path.Combine(_root, "clone", "tests", "bin")).FullName;
        string shared = Directory.CreateDirectory(Path.Combine(_root, "shared", "corpus", "excel")).Parent!.Parent!.FullName;

        string? located = SharedFolder.Locate([tests], ceiling: _root);

        Assert.Equal(shared, located);
        Assert.Null(new SharedFactAttribute(located).Skip);
        Assert.Null(new SharedTheoryAttribute(located).Skip);
    }

    [Fact]
    public void Does_not_take_a_shared_folder_without_the_corpus()
    {
        string tests = Directory.CreateDirectory(Path.Combine(_root, "clone", "tests", "bin")).FullName;
        Directory.CreateDirectory(Path.Combine(_root, "shared", "spec"));

        Assert.Null(SharedFolder.Locate([tests], ceiling: _root));
    }
}
