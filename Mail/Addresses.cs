using CleaNum.Core.Mail;
using MimeKit;

namespace CleaNum.Mail;

/// <summary>Addresses are parsed by MimeKit into one <see cref="MailboxAddress"/> each and never concatenated into a
/// header: a value holding a line break, several addresses or a group is refused, so nothing a member typed can add a
/// header or a recipient.</summary>
internal static class Addresses
{
    public static bool TryParse(string? text, out MailboxAddress mailbox)
    {
        mailbox = null!;
        if (string.IsNullOrWhiteSpace(text) || text.Any(char.IsControl))
        {
            return false;
        }

        if (!InternetAddressList.TryParse(text, out InternetAddressList? list) || list is null || list.Count != 1
            || list[0] is not MailboxAddress parsed || parsed.Address.Count(c => c == '@') != 1
            || parsed.Address.EndsWith('@') || parsed.Address.StartsWith('@'))
        {
            return false;
        }

        mailbox = parsed;
        return true;
    }

    /// <summary>The member's address, or a permanent failure naming it.</summary>
    public static MailboxAddress Recipient(string text) =>
        TryParse(text, out MailboxAddress mailbox)
            ? mailbox
            : throw new MailDeliveryException($"adresse du destinataire invalide : « {Printable(text)} »", isTransient: false);

    private static string Printable(string text) => new([.. text.Select(c => char.IsControl(c) ? ' ' : c).Take(200)]);
}
