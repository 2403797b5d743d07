using System.Text.Json;
using EventSync.Api.Localization;
using EventSync.Api.Queries;
using EventSync.Api.Requests;
using EventSync.Core.Links;

namespace EventSync.Api.Settings;

/// <summary>
/// Reads and checks a tenant's record link settings. Only addresses of HubSpot's app and of Salesforce orgs are taken
/// (https, no path): a link on the dashboard and in exports must not lead anywhere else.
/// </summary>
internal static class RecordLinkSettingsReader
{
    private static readonly string[] SalesforceDomains = [".salesforce.com", ".force.com", ".salesforce.mil", ".sfcrmproducts.cn"];

    public static RecordLinkSettings Read(string tenantId, JsonElement body, ValidationProblems problems)
    {
        var portal = Blank(JsonRequestBody.OptionalString(body, "hubSpotPortalId", problems));
        if (portal is not null && (portal.Length > 20 || !portal.All(char.IsAsciiDigit)))
        {
            problems.Add("hubSpotPortalId", ProblemTexts.HubSpotPortalIdInvalid);
        }

        var app = Address(JsonRequestBody.OptionalString(body, "hubSpotAppUrl", problems), "hubSpotAppUrl", IsHubSpotApp, ProblemTexts.HubSpotAppAddress, problems);
        var instance = Address(
            JsonRequestBody.OptionalString(body, "salesforceInstanceUrl", problems),
            "salesforceInstanceUrl",
            host => SalesforceDomains.Any(d => host.EndsWith(d, StringComparison.Ordinal)),
            ProblemTexts.SalesforceInstanceAddress,
            problems);
        return new RecordLinkSettings(tenantId, portal, app, instance);
    }

    private static bool IsHubSpotApp(string host) =>
        host == "app.hubspot.com" || (host.StartsWith("app-", StringComparison.Ordinal) && host.EndsWith(".hubspot.com", StringComparison.Ordinal) && host.Count(c => c == '.') == 2);

    private static string? Address(string? text, string field, Func<string, bool> hostAllowed, string expected, ValidationProblems problems)
    {
        if (Blank(text) is not { } value)
        {
            return null;
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri)
            || uri.Scheme != Uri.UriSchemeHttps
            || !string.IsNullOrEmpty(uri.UserInfo)
            || uri.AbsolutePath != "/"
            || !string.IsNullOrEmpty(uri.Query)
            || !string.IsNullOrEmpty(uri.Fragment)
            || !uri.IsDefaultPort
            || !hostAllowed(uri.IdnHost.ToLowerInvariant()))
        {
            problems.Add(field, ProblemFormat.With(ProblemTexts.AddressInvalid, expected));
            return null;
        }

        return $"https://{uri.IdnHost.ToLowerInvariant()}";
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
