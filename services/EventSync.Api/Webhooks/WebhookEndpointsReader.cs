using System.Text.Json;
using EventSync.Api.Localization;
using EventSync.Api.Queries;
using EventSync.Api.Requests;
using EventSync.Core.Validation;
using EventSync.Core.Webhooks;

namespace EventSync.Api.Webhooks;

/// <summary>
/// Validates a webhooks body, <c>{"endpoints":[...]}</c>, naming each field that is not valid (<c>endpoints[0].url</c>).
/// An endpoint sent without a secret keeps the one stored under its id, so that the list can be edited without knowing it.
/// </summary>
internal static class WebhookEndpointsReader
{
    public const string Field = "endpoints";
    public const int MaxEndpoints = 10;

    public static List<WebhookEndpoint> Read(JsonElement body, IReadOnlyList<WebhookEndpoint> stored, bool allowPrivateAddresses, ValidationProblems problems)
    {
        var endpoints = new List<WebhookEndpoint>();
        if (!JsonRequestBody.TryGet(body, Field, out var list) || list.ValueKind != JsonValueKind.Array)
        {
            problems.Add(Field, ProblemTexts.WebhookEndpointsRequired);
            return endpoints;
        }

        if (list.GetArrayLength() > MaxEndpoints)
        {
            problems.Add(Field, ProblemFormat.With(ProblemTexts.WebhookEndpointsTooMany, MaxEndpoints, list.GetArrayLength()));
            return endpoints;
        }

        var secrets = stored.ToDictionary(e => e.Id, e => e.Secret, StringComparer.Ordinal);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            var field = $"{Field}[{index++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                problems.Add(field, ProblemTexts.WebhookEndpointNotObject);
                continue;
            }

            var part = new ValidationProblems();
            var endpoint = WebhookEndpointReader.Read(item, secrets, allowPrivateAddresses, part);
            if (endpoint is not null && !ids.Add(endpoint.Id))
            {
                part.Add(WebhookEndpointReader.IdField, ProblemFormat.With(ProblemTexts.WebhookIdDuplicate, ProblemText.Quote(endpoint.Id)));
            }

            problems.AddAll(part, field);
            if (!part.Any && endpoint is not null)
            {
                endpoints.Add(endpoint);
            }
        }

        return endpoints;
    }
}
