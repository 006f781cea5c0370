namespace CleaNum.Core.Tests.Geography;

/// <summary><c>shared/reference</c> (see <see cref="SharedFolder"/>): tests using it are [SharedFact]/[SharedTheory].</summary>
internal static class SharedReference
{
    public static string Directory => SharedFolder.Combine("reference");

    public static string PathOf(string fileName) => Path.Combine(Directory, fileName);
}
