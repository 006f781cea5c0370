using System.Text.Json;
using CleaNum.Core.Domain;

namespace CleaNum.Storage.Tests;

/// <summary>Deep equality for domain records holding lists (record equality compares list references).</summary>
internal static class Same
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static void Submission(Submission expected, Submission actual) =>
        Assert.Equal(JsonSerializer.Serialize(expected, Json), JsonSerializer.Serialize(actual, Json));
}
