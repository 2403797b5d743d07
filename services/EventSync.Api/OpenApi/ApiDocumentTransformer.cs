using EventSync.Api.Localization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace EventSync.Api.OpenApi;

/// <summary>
/// The document as other tools read it: a title, the <c>X-Api-Key</c> security scheme, server addresses without a
/// trailing slash (paths start with one) and a description of each tag.
/// </summary>
internal sealed class ApiDocumentTransformer : IOpenApiDocumentTransformer
{
    private static readonly Dictionary<string, string> TagDescriptions = new(StringComparer.Ordinal)
    {
        ["FailureIngestion"] = "Sync failures reported over HTTP by engines that cannot publish to the broker.",
        ["Catalog"] = "The public error taxonomy: categories, error types, meanings and fixes. No key needed.",
        ["Principal"] = "Who an API key is and what its role allows.",
        ["SyncHealth"] = "A tenant's sync health: open errors by category, trends and API usage.",
        ["ApiAllocation"] = "How much of the Salesforce daily API limit a tenant's integration may use.",
        ["ErrorCardRecount"] = "Count a tenant's error cards again from its errors, repairing counters that drifted.",
        ["Error"] = "A tenant's classified errors: the list and one error's card.",
        ["ErrorIgnore"] = "Take errors off the cards, digests and alerts until a date, until they failed a number of times more, or until restored.",
        ["ErrorAssignment"] = "Who looks at which errors, and the notes people write on them.",
        ["ErrorExport"] = "A tenant's errors as CSV.",
        ["ErrorTrend"] = "Errors per day and category.",
        ["AffectedRecordsView"] = "Saved lists of the records a filter of errors affects.",
        ["Resync"] = "Ask the engines to sync the records behind errors again.",
        ["ResyncAll"] = "Resync every open error a filter selects, in requests of at most 100.",
        ["ResyncRequest"] = "A tenant's resync requests and the progress of each.",
        ["ResyncProgress"] = "The progress of several resync requests together, such as the requests of one resync of all matching errors.",
        ["RecordLinkSettings"] = "Where a tenant's records live in HubSpot and Salesforce, so that record ids link to them.",
        ["NotificationSettings"] = "Who hears about a tenant's errors, and how often.",
        ["NotificationTest"] = "Send a test digest to the tenant's recipients.",
        ["WebhookSettings"] = "Where a tenant's notifications are posted as signed webhooks (EventSync JSON or Slack); secrets are write-only.",
        ["WebhookDelivery"] = "What became of a tenant's latest webhook deliveries, and test deliveries on request.",
        ["AuditTrail"] = "Who changed what in a tenant and when, with the values before and after; as a list and as CSV.",
    };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "EventSync API";
        document.Info.Description = $"Sync-health API of EventSync. Every route but the catalog, health and metrics needs an API key in the {ApiKeySecurity.HeaderName} header. "
            + $"Problems (title, detail, field messages) are written in the language Accept-Language asks for among {string.Join(", ", ApiLanguages.Supported)}, "
            + $"else in {ApiLanguages.Default}; the answer names it in Content-Language.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
        document.Components.SecuritySchemes[ApiKeySecurity.SchemeName] = ApiKeySecurity.Scheme();

        foreach (var server in document.Servers ?? [])
        {
            server.Url = server.Url?.TrimEnd('/');
        }

        foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
        {
            if (tag.Name is { } name && TagDescriptions.TryGetValue(ApiOperationTransformer.TagName(name), out var description))
            {
                tag.Name = ApiOperationTransformer.TagName(name);
                tag.Description = description;
            }
        }

        return Task.CompletedTask;
    }
}
