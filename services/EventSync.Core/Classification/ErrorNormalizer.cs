using System.Text.Json;
using System.Text.RegularExpressions;
using EventSync.Contracts;

namespace EventSync.Core.Classification;

/// <summary>
/// Brings the shapes Salesforce and HubSpot report errors in (REST/SOAP/Composite code + message + fields,
/// a Bulk API 2.0 <c>sf__Error</c> cell, a message that starts with its code, HubSpot's category, message and
/// context) into one <see cref="NormalizedError"/>.
/// </summary>
internal static partial class ErrorNormalizer
{
    /// <summary>Rules look at no more of a message than this; longer ones are cut, never rejected.</summary>
    public const int MaxMatchedMessageLength = 4096;

    public static NormalizedError Normalize(ReportedError error, FailureContext context)
    {
        // An HTTP status in statusCode says less than a code in errorCode ("400" beside TXN_SECURITY_METERING_ERROR): the
        // code decides, the status is kept for last.
        var status = NormalizedCode(error.StatusCode);
        var errorCode = NormalizedCode(error.ErrorCode);
        var statusHttp = InnerStatusCodes.HttpStatusCode(status);
        var code = status.Length > 0 && (statusHttp.Length == 0 || errorCode.Length == 0) ? status : errorCode;
        var message = error.Message?.Trim() ?? "";
        IReadOnlyList<string> fields = error.Fields is { Count: > 0 } ? error.Fields : [];

        if (!string.IsNullOrWhiteSpace(error.Raw))
        {
            (code, message, fields) = MergeParsed(error.Raw, code, message, fields);
        }
        else if (code.Length == 0 && message.Length > 0)
        {
            (code, message, fields) = MergeParsed(message, code, "", fields);
        }

        var fallbackCode = "";
        var isHubSpot = context.Source == FailureSource.HubSpot || error.Category is not null || error.SubCategory is not null;
        if (isHubSpot)
        {
            if (code.Length == 0)
            {
                code = HubSpotCode(error, message);
                fallbackCode = string.IsNullOrWhiteSpace(error.Category) ? "" : StatusCodes.Normalize(error.Category);
            }

            if (fields.Count == 0)
            {
                fields = HubSpotFields(error.Context, message);
            }

            if (context.Source == FailureSource.Unspecified)
            {
                context = context with { Source = FailureSource.HubSpot };
            }
        }

        // An engine that gives a short message and the whole body as raw (HubSpot's "Property values were not valid" with
        // its validationResults, a client's summary line with the server's answer) says what is wrong in the body: the
        // rules read both, the message first.
        var matched = RawBesides(error.Raw, message) is { } body ? string.Concat(message, "\n", body) : message;
        var matchText = matched.Length > MaxMatchedMessageLength ? matched[..MaxMatchedMessageLength] : matched;
        if (isHubSpot && (error.SubCategory is not null || error.Category is not null))
        {
            matchText = string.Join(' ', matchText, error.SubCategory, error.Category);
        }

        // An HTTP status says less than any code or word in the body: it is tried last.
        var httpCode = InnerStatusCodes.HttpStatusCode(code);
        if (httpCode.Length > 0)
        {
            code = "";
        }
        else if (code == errorCode && statusHttp.Length > 0)
        {
            httpCode = statusHttp;
        }

        return new NormalizedError(context, code, fallbackCode == code ? "" : fallbackCode, message, matchText, fields, httpCode);
    }

    /// <summary>The raw text when it says more than <paramref name="message"/>; null when it is absent or already in it.</summary>
    private static string? RawBesides(string? raw, string message)
    {
        var text = raw?.Trim();
        return string.IsNullOrEmpty(text) || message.Contains(text, StringComparison.Ordinal) ? null : text;
    }

    private static (string Code, string Message, IReadOnlyList<string> Fields) MergeParsed(
        string text, string code, string message, IReadOnlyList<string> fields)
    {
        if (!BulkErrorParser.TryParse(text, out var parsedCode, out var parsedMessage, out var parsedFields))
        {
            return (code, message.Length > 0 ? message : text.Trim(), fields);
        }

        return (
            code.Length > 0 ? code : parsedCode,
            message.Length > 0 ? message : parsedMessage,
            fields.Count > 0 ? fields : parsedFields);
    }

    private static string HubSpotCode(ReportedError error, string message)
    {
        if (message.Contains("\"error\"", StringComparison.Ordinal) && InnerHubSpotError().Match(message) is { Success: true } inner)
        {
            return StatusCodes.Normalize(inner.Groups[1].ValueSpan);
        }

        if (!string.IsNullOrWhiteSpace(error.SubCategory))
        {
            var subCategory = error.SubCategory.AsSpan().Trim();
            return StatusCodes.Normalize(subCategory[(subCategory.LastIndexOf('.') + 1)..]);
        }

        return string.IsNullOrWhiteSpace(error.Category) ? "" : StatusCodes.Normalize(error.Category);
    }

    private static List<string> HubSpotFields(JsonElement? context, string message)
    {
        var fields = new List<string>();
        if (context is { ValueKind: JsonValueKind.Object } value)
        {
            foreach (var property in value.EnumerateObject())
            {
                if (property.NameEquals("propertyName") || property.NameEquals("properties") || property.NameEquals("property") || property.NameEquals("name"))
                {
                    AddStrings(property.Value, fields);
                }
            }
        }

        if (fields.Count == 0 && message.Contains("\"name\"", StringComparison.Ordinal))
        {
            foreach (Match name in InnerHubSpotName().Matches(message))
            {
                fields.Add(name.Groups[1].Value);
            }
        }

        return fields;
    }

    private static void AddStrings(JsonElement value, List<string> into)
    {
        if (value.ValueKind == JsonValueKind.String && ReadableString(value) is { Length: > 0 } text)
        {
            into.Add(text);
        }
        else if (value.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in value.EnumerateArray())
            {
                AddStrings(item, into);
            }
        }
    }

    // A JSON string may escape half a surrogate pair ("\uD800"): valid JSON, yet no text. Such a name is passed over;
    // throwing here would fail the whole batch the event arrived in.
    private static string? ReadableString(JsonElement value)
    {
        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static string NormalizedCode(string? code) => string.IsNullOrWhiteSpace(code) ? "" : StatusCodes.Normalize(code);

    [GeneratedRegex(@"\\?""error\\?""\s*:\s*\\?""([A-Za-z_]{3,64})", RegexOptions.CultureInvariant)]
    private static partial Regex InnerHubSpotError();

    [GeneratedRegex(@"\\?""name\\?""\s*:\s*\\?""([A-Za-z0-9_.]{1,100})", RegexOptions.CultureInvariant)]
    private static partial Regex InnerHubSpotName();
}
