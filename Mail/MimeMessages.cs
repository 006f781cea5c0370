using CleaNum.Core.Mail;
using MimeKit;

namespace CleaNum.Mail;

/// <summary>Builds the MIME message of a recorded <see cref="MemberMail"/>: text and HTML alternatives, attachments,
/// the recorded Message-Id.</summary>
internal static class MimeMessages
{
    public static MimeMessage Build(MemberMail mail, MailOptions options, DateTimeOffset date)
    {
        var message = new MimeMessage();
        message.From.Add(Addresses.TryParse(options.From, out MailboxAddress from)
            ? from
            : throw new MailDeliveryException("adresse d'expéditeur (Mail:From) invalide", isTransient: false));
        message.To.Add(Addresses.Recipient(mail.To));
        if (Addresses.TryParse(options.ReplyTo, out MailboxAddress replyTo))
        {
            message.ReplyTo.Add(replyTo);
        }

        if (Addresses.TryParse(options.Cc, out MailboxAddress cc))
        {
            message.Cc.Add(cc);
        }

        message.Subject = mail.Subject;
        message.MessageId = mail.MessageId;
        message.Date = date;
        message.Headers.Add("Auto-Submitted", "auto-generated");

        var body = new BodyBuilder { TextBody = mail.TextBody, HtmlBody = mail.HtmlBody };
        foreach (string relative in mail.Attachments)
        {
            string path = Path.GetFullPath(Path.Combine(options.AttachmentRoot ?? "", relative));
            if (!File.Exists(path))
            {
                throw new MailDeliveryException($"pièce jointe introuvable : « {relative} »", isTransient: false);
            }

            body.Attachments.Add(path);
        }

        message.Body = body.ToMessageBody();
        return message;
    }
}
