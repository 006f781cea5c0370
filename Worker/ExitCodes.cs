namespace CleaNum.Worker;

internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>ingest: some file refused or with errors; consolidate: written but network errors remain.</summary>
    public const int Findings = 1;

    /// <summary>Usage or system error (database unreachable, folder not writable…).</summary>
    public const int Failure = 2;
}
