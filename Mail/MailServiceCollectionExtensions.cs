using CleaNum.Core.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CleaNum.Mail;

public static class MailServiceCollectionExtensions
{
    /// <summary>Registers <see cref="IMailTransport"/> (MailKit) with <see cref="MailOptions"/> bound to section
    /// <c>Mail</c> and validated on start: a sender unless Off, a host in Smtp mode, <c>Security=None</c> only to a
    /// loopback host, every configured address a single valid mailbox.</summary>
    public static IServiceCollection AddCleaNumMail(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptionsWithValidateOnStart<MailOptions, MailOptionsValidator>()
            .BindConfiguration(MailOptions.SectionName)
            .Validate(o => o.Mode == MailMode.Off || Addresses.TryParse(o.From, out _),
                "Mail:From doit être une adresse valide (par exemple « Réseau <cleanum@reseau.fr> ») dès que Mail:Mode n'est pas Off.")
            .Validate(o => string.IsNullOrWhiteSpace(o.ReplyTo) || Addresses.TryParse(o.ReplyTo, out _),
                "Mail:ReplyTo n'est pas une adresse valide.")
            .Validate(o => string.IsNullOrWhiteSpace(o.Cc) || Addresses.TryParse(o.Cc, out _),
                "Mail:Cc n'est pas une adresse valide.")
            .Validate(o => o.Mode != MailMode.Smtp || !string.IsNullOrWhiteSpace(o.Smtp.Host),
                "Mail:Smtp:Host est vide alors que Mail:Mode vaut Smtp.")
            .Validate(o => o.Mode != MailMode.Smtp || o.Smtp.Security != SmtpSecurity.None || SmtpOptions.IsLoopback(o.Smtp.Host),
                "Mail:Smtp:Security=None (sans chiffrement) n'est permis que vers un serveur local (localhost, 127.0.0.1) ; utilisez StartTls ou SslOnConnect.")
            .Validate(o => o.MaxRetryDelay >= o.RetryDelay, "Mail:MaxRetryDelay doit être au moins égal à Mail:RetryDelay.");
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IMailTransport, MailKitTransport>();
        return services;
    }
}
