namespace CleaNum.Worker.Mail;

/// <summary>What one delivery pass did: messages handed over, left for a later attempt, failed for good.</summary>
internal sealed record MailDeliveryReport(int Sent, int Retrying, int Failed, IReadOnlyList<string> Locations)
{
    public static MailDeliveryReport Nothing { get; } = new(0, 0, 0, []);

    public bool IsEmpty => Sent == 0 && Retrying == 0 && Failed == 0;
}
