using System.Text.Json;
using EventSync.Api.Localization;
using EventSync.Api.Queries;
using EventSync.Core.Validation;

namespace EventSync.Api.Requests;

/// <summary>
/// Reads small JSON bodies by hand, so that every problem (bad JSON, a wrong type) names the field instead of failing
/// the binding with a bare 400. Property names match case-insensitively, as the API's JSON binding does.
/// </summary>
internal static class JsonRequestBody
{
    public const string Root = "$";

    /// <summary>
    /// The body's JSON object, or null after naming the problem under <see cref="Root"/>. The route's body limit
    /// (<see cref="RequestBodyLimits"/>) is enforced by the server on the bytes read, whatever the Content-Length says.
    /// </summary>
    public static async Task<JsonElement?> ReadObjectAsync(HttpRequest request, ValidationProblems problems, CancellationToken cancellationToken)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, new JsonDocumentOptions { MaxDepth = 8, AllowDuplicateProperties = false }, cancellationToken);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                // The parser refuses a name given twice exactly; names are matched whatever their case, so refuse those too.
                if (RepeatedName(document.RootElement, "") is { } repeated)
                {
                    problems.Add(repeated, ProblemTexts.PropertyRepeated);
                    return null;
                }

                return document.RootElement.Clone();
            }

            problems.Add(Root, ProblemTexts.BodyNotObject);
        }
        catch (JsonException e)
        {
            problems.Add(Root, JsonProblem.Describe(e));
        }

        return null;
    }

    /// <summary>The path (<c>endpoints[0].URL</c>) of the first property whose name an earlier one of its object has in another case; null when none.</summary>
    private static string? RepeatedName(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var item in element.EnumerateArray())
            {
                if (RepeatedName(item, $"{path}[{index++}]") is { } repeated)
                {
                    return repeated;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Object)
        {
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var property in element.EnumerateObject())
            {
                var at = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
                if (!names.Add(property.Name))
                {
                    return at;
                }

                if (RepeatedName(property.Value, at) is { } repeated)
                {
                    return repeated;
                }
            }
        }

        return null;
    }

    /// <summary>The property's value; false when it is absent or null.</summary>
    public static bool TryGet(JsonElement body, string name, out JsonElement value)
    {
        foreach (var property in body.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind != JsonValueKind.Null)
            {
                value = property.Value;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>An optional text property; a value of another JSON type is a problem.</summary>
    public static string? OptionalString(JsonElement body, string name, ValidationProblems problems)
    {
        if (!TryGet(body, name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        problems.Add(name, ProblemTexts.StringRequired);
        return null;
    }

    /// <summary>An optional boolean property (null when absent); a value of another JSON type is a problem.</summary>
    public static bool? OptionalBool(JsonElement body, string name, ValidationProblems problems)
    {
        if (!TryGet(body, name, out var value))
        {
            return null;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        problems.Add(name, ProblemTexts.EnabledInvalid);
        return null;
    }
}
