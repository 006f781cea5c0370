namespace CleaNum.Core.Issues;

/// <summary>How serious a finding is. <see cref="Error"/> keeps the member's data out of the annex.</summary>
public enum Severity
{
    Info = 0,
    Warning = 1,
    Error = 2,
}
