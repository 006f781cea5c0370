using CleaNum.Core.Domain;

namespace CleaNum.Core.Ports;

/// <summary>What the member report is built from. <see cref="OriginalPath"/> is the member's file as received (for the
/// annotated copy of an .xlsx input); <see cref="GeneratedAt"/> gives the <c>jjmmaa</c> of the file name.</summary>
public sealed record MemberReportRequest(Submission Submission, string OriginalPath, DateTimeOffset GeneratedAt);
