namespace CleaNum.Storage.Rows;

/// <summary>The parameters of the member upsert (<c>@Siren, @MemberName, @ReceivedAtUtc</c>): typed like every row, so
/// the time goes as DATETIME2 and a missing name as a typed NULL.</summary>
internal sealed class MemberRow
{
    public string Siren { get; set; } = "";
    public string? MemberName { get; set; }
    public DateTime ReceivedAtUtc { get; set; }
}
