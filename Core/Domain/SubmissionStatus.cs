namespace CleaNum.Core.Domain;

/// <summary>Outcome of one received file. The JSON names are those of <c>service.md</c>.</summary>
public enum SubmissionStatus
{
    /// <summary><c>accepted</c>: no issue above info.</summary>
    Accepted = 0,

    /// <summary><c>accepted_with_warnings</c>.</summary>
    AcceptedWithWarnings = 1,

    /// <summary><c>refused</c>: unreadable, wrong format, encrypted or blocking errors.</summary>
    Refused = 2,

    /// <summary><c>duplicate</c>: byte-identical to a file already received; nothing new stored.</summary>
    Duplicate = 3,
}
