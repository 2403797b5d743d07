using System.Text.Json;
using EventSync.Api.Localization;
using EventSync.Api.Queries;
using EventSync.Api.Requests;
using EventSync.Core.Validation;
using EventSync.Core.Webhooks;

namespace EventSync.Api.Webhooks;

/// <summary>Validates one endpoint of a webhooks body; each problem names the endpoint's own field (<c>url</c>, <c>events</c>, ...).</summary>
internal static class WebhookEndpointReader
{
    public const string IdField = "id";
    public const int MaxIdLength = 64;
    public const int MinSecretLength = 16;
    public const int MaxSecretLength = 256;

    /// <summary>The endpoint; null when a field is missing or not valid (each named in <paramref name="problems"/>).</summary>
    public static WebhookEndpoint? Read(
        JsonElement item, IReadOnlyDictionary<string, string> storedSecrets, bool allowPrivateAddresses, ValidationProblems problems)
    {
        var id = JsonRequestBody.OptionalString(item, IdField, problems);
        if (!IsId(id) && !problems.Has(IdField))
        {
            problems.Add(IdField, ProblemFormat.With(ProblemTexts.WebhookIdInvalid, MaxIdLength));
        }

        var url = JsonRequestBody.OptionalString(item, "url", problems)?.Trim();
        var urlProblem = url is null ? ProblemFormat.With(ProblemTexts.WebhookUrlInvalid, WebhookAddressRule.MaxLength) : WebhookAddressRule.Problem(url, allowPrivateAddresses);
        if (urlProblem is not null && !problems.Has("url"))
        {
            problems.Add("url", urlProblem);
        }

        var secret = Secret(item, id, storedSecrets, problems);
        var format = JsonRequestBody.OptionalString(item, "format", problems);
        if (!WebhookFormats.All.Contains(format ?? "", StringComparer.Ordinal) && !problems.Has("format"))
        {
            var known = string.Join(", ", WebhookFormats.All);
            problems.Add("format", format is null ? ProblemFormat.With(ProblemTexts.WebhookFormatRequired, known) : ProblemFormat.With(ProblemTexts.WebhookFormatUnknown, ProblemText.Quote(format), known));
        }

        var events = Events(item, problems);
        var enabled = JsonRequestBody.OptionalBool(item, "enabled", problems) ?? true;
        return problems.Any ? null : new WebhookEndpoint(id!, url!, secret!, format!, events, enabled);
    }

    private static bool IsId(string? id) =>
        id is { Length: > 0 and <= MaxIdLength } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    // Required for a new id; a missing one keeps the secret stored under the same id.
    private static string? Secret(JsonElement item, string? id, IReadOnlyDictionary<string, string> storedSecrets, ValidationProblems problems)
    {
        var secret = JsonRequestBody.OptionalString(item, "secret", problems);
        if (problems.Has("secret"))
        {
            return null;
        }

        if (string.IsNullOrEmpty(secret))
        {
            if (id is not null && storedSecrets.TryGetValue(id, out var stored))
            {
                return stored;
            }

            problems.Add("secret", ProblemFormat.With(ProblemTexts.WebhookSecretRequired, MinSecretLength, MaxSecretLength));
            return null;
        }

        if (secret.Length is < MinSecretLength or > MaxSecretLength)
        {
            // The length only: a problem never repeats the secret.
            problems.Add("secret", ProblemFormat.With(ProblemTexts.WebhookSecretLength, MinSecretLength, MaxSecretLength, secret.Length));
            return null;
        }

        if (secret.Any(char.IsControl))
        {
            // A line break copied with the secret would sign with a key the receiver does not have; the problem does not show it.
            problems.Add("secret", ProblemTexts.WebhookSecretControl);
            return null;
        }

        return secret;
    }

    private static List<string> Events(JsonElement item, ValidationProblems problems)
    {
        var events = new List<string>();
        var known = string.Join(", ", WebhookEvents.Subscribable);
        if (!JsonRequestBody.TryGet(item, "events", out var list) || list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
        {
            problems.Add("events", ProblemFormat.With(ProblemTexts.WebhookEventsRequired, known));
            return events;
        }

        if (list.GetArrayLength() > WebhookEvents.Subscribable.Count * 2)
        {
            problems.Add("events", ProblemFormat.With(ProblemTexts.WebhookEventsTooMany, WebhookEvents.Subscribable.Count, list.GetArrayLength()));
            return events;
        }

        foreach (var value in list.EnumerateArray())
        {
            var name = value.ValueKind == JsonValueKind.String ? value.GetString()! : null;
            if (name is null || !WebhookEvents.Subscribable.Contains(name, StringComparer.Ordinal))
            {
                problems.Add("events", ProblemFormat.With(ProblemTexts.WebhookEventUnknown, ProblemText.Quote(name ?? value.GetRawText()), known));
            }
            else if (events.Contains(name, StringComparer.Ordinal))
            {
                problems.Add("events", ProblemFormat.With(ProblemTexts.WebhookEventDuplicate, ProblemText.Quote(name)));
            }
            else
            {
                events.Add(name);
            }
        }

        return events;
    }
}
