namespace CleaNum.Core.Mail;

public static class MailStates
{
    /// <summary>French label of the state, for <c>status</c>, the status workbook and the dashboard.</summary>
    public static string Label(MailState state) => state switch
    {
        MailState.Pending => "en attente",
        MailState.Sending => "en cours d'envoi",
        MailState.Sent => "envoyé",
        MailState.Failed => "échec",
        MailState.Interrupted => "envoi interrompu (non renvoyé)",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    /// <summary>"envoyé le 03/12/2026 09:12 à x@y.fr" / "échec : …" — one line for a head.</summary>
    public static string Describe(MemberMail mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        string when = ParisTime.ToParis(mail.SentAtUtc ?? mail.CreatedAtUtc)
            .ToString("dd/MM/yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        return mail.State switch
        {
            MailState.Sent => $"envoyé le {when}",
            MailState.Failed or MailState.Interrupted => $"{Label(mail.State)} le {when} : {mail.LastError}",
            MailState.Pending when mail.LastError is not null => $"en attente (nouvel essai) : {mail.LastError}",
            _ => $"{Label(mail.State)} depuis le {when}",
        };
    }
}
