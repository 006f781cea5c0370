using CleaNum.Core.Mail;

namespace CleaNum.Core.Ports;

/// <summary>What the head needs to follow a member up (status workbook, <c>status</c>, dashboard): the address member
/// e-mail goes to, the member's latest report (relative to the data folder) and the latest message with its result.</summary>
public sealed record MemberFollowUp(string? ContactEmail, string? ReportPath, MemberMail? LastMail)
{
    public static MemberFollowUp None { get; } = new(null, null, null);
}
