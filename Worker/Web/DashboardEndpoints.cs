using System.Security.Claims;
using System.Text;
using CleaNum.Core.Consolidation;
using CleaNum.Worker.Service;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CleaNum.Worker.Web;

/// <summary>The dashboard's routes (French paths) and its middleware: security headers on every answer, sign-in when
/// <c>Web:Auth</c> is <c>Password</c>, French error pages, anti-forgery on every POST.</summary>
internal static class DashboardEndpoints
{
    /// <summary>Content-Security-Policy: only this origin's style sheet and script; no inline script or style.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static void Map(WebApplication app, WebOptions web)
    {
        app.Use(SecurityHeadersAndErrors);
        if (web.Auth == WebAuth.Password)
        {
            app.UseAuthentication();
            app.UseAuthorization();
        }

        app.MapGet("/static/{name}", (string name) => DashboardAssets.TryGet(name, out byte[] bytes, out string type)
            ? Results.Bytes(bytes, type)
            : NotFound()).AllowAnonymous();

        RouteGroupBuilder pages = app.MapGroup("");
        if (web.Auth == WebAuth.Password)
        {
            pages.RequireAuthorization();
            MapSignIn(app, web);
        }

        pages.MapGet("/", async (HttpContext context, DashboardQueries q, RegionMap map) =>
        {
            DashboardSnapshot s = await q.SnapshotAsync(context.RequestAborted);
            return Page(context, s, "Vue d'ensemble", "/", DashboardPages.Overview(s, map, q.Link));
        });
        pages.MapGet("/membres", async (HttpContext context, DashboardQueries q) =>
        {
            DashboardSnapshot s = await q.SnapshotAsync(context.RequestAborted);
            return Page(context, s, "Membres", "/membres", DashboardPages.Members(s));
        });
        pages.MapGet("/membres/{siren}", async (string siren, HttpContext context, DashboardQueries q) =>
        {
            DashboardSnapshot s = await q.SnapshotAsync(context.RequestAborted);
            if (s.Member(siren) is not { } member)
            {
                return NotFound();
            }

            var versions = await q.VersionsAsync(member.Siren, context.RequestAborted);
            var reports = q.ReportFiles(member.Siren, member.Latest?.FileName ?? member.Siren);
            return Page(context, s, member.Name, "/membres", DashboardPages.Member(member, versions, reports, q.Link));
        });
        pages.MapGet("/annexe", async (HttpContext context, DashboardQueries q, IAntiforgery antiforgery) =>
        {
            DashboardSnapshot s = await q.SnapshotAsync(context.RequestAborted);
            AntiforgeryTokenSet tokens = antiforgery.GetAndStoreTokens(context);
            bool requested = context.Request.Query.ContainsKey("demande");
            return Page(context, s, "Annexe", "/annexe", DashboardPages.Annex(s, tokens.FormFieldName, tokens.RequestToken!, requested, q.Link));
        });
        pages.MapPost("/annexe/consolider", async (HttpContext context, IConsolidationTrigger trigger, ILoggerFactory loggers) =>
        {
            if (!await IsGenuineAsync(context))
            {
                return Forbidden();
            }

            await trigger.RequestAsync(context.RequestAborted);
            loggers.CreateLogger(typeof(DashboardEndpoints)).ConsolidationRequestedFromDashboard();
            return Results.Redirect("/annexe?demande=1", permanent: false, preserveMethod: false);
        }).DisableAntiforgery(); // validated explicitly above, with a French answer
        pages.MapGet("/evenements", async (HttpContext context, DashboardQueries q) =>
        {
            DashboardSnapshot s = await q.SnapshotAsync(context.RequestAborted);
            return Page(context, s, "Derniers événements", "/evenements", DashboardPages.Events(s, q.Link));
        });
        pages.MapGet("/api/etat", async (HttpContext context, DashboardQueries q) =>
            Results.Json(new { version = await q.FingerprintAsync(context.RequestAborted) }));
        pages.MapGet("/fichiers/{**chemin}", (string? chemin, DataFolder data) =>
            DownloadableFiles.Resolve(data, chemin) is { } path
                ? Results.File(path, DownloadableFiles.ContentType(path), Path.GetFileName(path))
                : NotFound());
        app.MapFallback(() => NotFound());
    }

    private static void MapSignIn(WebApplication app, WebOptions web)
    {
        app.MapGet("/connexion", (HttpContext context, IAntiforgery antiforgery, string? retour) =>
            SignInPage(context, antiforgery, null, retour)).AllowAnonymous();
        app.MapPost("/connexion", async (HttpContext context, IAntiforgery antiforgery, SignInGuard guard, ILoggerFactory loggers) =>
        {
            if (!await IsGenuineAsync(context))
            {
                return Forbidden();
            }

            IFormCollection form = await context.Request.ReadFormAsync(context.RequestAborted);
            string client = context.Connection.RemoteIpAddress?.ToString() ?? "inconnu";
            string? returnUrl = form["retour"];
            if (guard.IsLockedOut(client))
            {
                return SignInPage(context, antiforgery, "Trop d'essais manqués : réessayez dans quelques minutes.", returnUrl, StatusCodes.Status429TooManyRequests);
            }

            if (!PasswordHasher.Verify(form["motdepasse"], web.PasswordHash))
            {
                guard.Failed(client);
                loggers.CreateLogger(typeof(DashboardEndpoints)).DashboardSignInFailed(client);
                return SignInPage(context, antiforgery, "Mot de passe incorrect.", returnUrl, StatusCodes.Status401Unauthorized);
            }

            guard.Succeeded(client);
            var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "tete-de-reseau")], CookieAuthenticationDefaults.AuthenticationScheme);
            await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
            return Results.Redirect(IsLocalPath(returnUrl) ? returnUrl! : "/");
        }).AllowAnonymous().DisableAntiforgery();
        app.MapPost("/deconnexion", async (HttpContext context) =>
        {
            if (!await IsGenuineAsync(context))
            {
                return Forbidden();
            }

            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Redirect("/connexion");
        }).DisableAntiforgery();
    }

    private static IResult SignInPage(HttpContext context, IAntiforgery antiforgery, string? message, string? returnUrl, int status = StatusCodes.Status200OK)
    {
        AntiforgeryTokenSet tokens = antiforgery.GetAndStoreTokens(context);
        return HtmlResult(Html.Bare("Connexion", DashboardPages.SignIn(tokens.FormFieldName, tokens.RequestToken!, message, IsLocalPath(returnUrl) ? returnUrl : "/")), status);
    }

    private static async Task<bool> IsGenuineAsync(HttpContext context)
    {
        IAntiforgery antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
        try
        {
            await antiforgery.ValidateRequestAsync(context);
            return true;
        }
        catch (AntiforgeryValidationException)
        {
            return false;
        }
    }

    private static bool IsLocalPath(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));

    private static IResult Page(HttpContext context, DashboardSnapshot s, string title, string active, string body)
    {
        WebOptions web = context.RequestServices.GetRequiredService<WebOptions>();
        (string, string)? signOut = null;
        if (web.Auth == WebAuth.Password && context.User.Identity?.IsAuthenticated == true)
        {
            AntiforgeryTokenSet tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
            signOut = (tokens.FormFieldName, tokens.RequestToken!);
        }

        NetworkConsolidation n = s.Network;
        return HtmlResult(Html.Page(title, n.HeadName, n.Campaign, active, body, s.TakenAt, s.Fingerprint, web.RefreshSeconds, signOut));
    }

    private static IResult HtmlResult(string html, int status = StatusCodes.Status200OK) =>
        Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);

    private static IResult NotFound() =>
        HtmlResult(Html.Bare("Page introuvable", "<h1>Page introuvable</h1>\n<p>Cette page ou ce fichier n'existe pas (le tableau de bord ne sert que les rapports et l'annexe).</p>"), StatusCodes.Status404NotFound);

    private static IResult Forbidden() =>
        HtmlResult(Html.Bare("Demande refusée", "<h1>Demande refusée</h1>\n<p>Le formulaire a expiré ou ne vient pas de ce tableau de bord : rechargez la page et réessayez.</p>"), StatusCodes.Status400BadRequest);

    private static async Task SecurityHeadersAndErrors(HttpContext context, RequestDelegate next)
    {
        IHeaderDictionary headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers.CacheControl = "no-store";
        try
        {
            await next(context);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && !context.Response.HasStarted)
        {
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DashboardEndpoints)).DashboardPageFailed(ex, context.Request.Path);
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(Html.Bare("Erreur", "<h1>Le tableau de bord n'a pas pu lire les données</h1>\n<p>La base ou le dossier de données est momentanément indisponible ; le service continue. Réessayez dans un instant (détails dans le journal du service).</p>"), context.RequestAborted);
        }
    }
}
