using CleaNum.Core.Issues;
using FluentValidation.Results;
using FvSeverity = FluentValidation.Severity;

namespace CleaNum.Core.Validation;

/// <summary>FluentValidation failures ↔ issues: a failure carries its <see cref="Issue"/> as custom state.</summary>
internal static class IssueFailures
{
    /// <summary>The issue a failure stands for (its custom state), or one built from its code and message.</summary>
    public static Issue ToIssue(ValidationFailure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return failure.CustomState as Issue ?? IssueCatalog.Create(failure.ErrorCode, failure.ErrorMessage);
    }

    public static ValidationFailure ToFailure(string propertyName, Issue issue, object? attemptedValue)
    {
        ArgumentNullException.ThrowIfNull(issue);
        return new ValidationFailure(propertyName, issue.Message, attemptedValue)
        {
            ErrorCode = issue.Code,
            CustomState = issue,
            Severity = ToFluent(issue.Severity),
        };
    }

    public static FvSeverity ToFluent(Issues.Severity severity) => severity switch
    {
        Issues.Severity.Error => FvSeverity.Error,
        Issues.Severity.Warning => FvSeverity.Warning,
        _ => FvSeverity.Info,
    };
}
