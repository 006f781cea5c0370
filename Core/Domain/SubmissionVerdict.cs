using CleaNum.Core.Issues;

namespace CleaNum.Core.Domain;

/// <summary>The status a file's issues give it: any error refuses it, else any warning accepts it with warnings.</summary>
public static class SubmissionVerdict
{
    public static SubmissionStatus Of(IReadOnlyList<Issue> issues)
    {
        ArgumentNullException.ThrowIfNull(issues);
        return issues.Any(i => i.Severity == Severity.Error) ? SubmissionStatus.Refused
            : issues.Any(i => i.Severity == Severity.Warning) ? SubmissionStatus.AcceptedWithWarnings
            : SubmissionStatus.Accepted;
    }
}
