using System.Text.Json;
using System.Text.RegularExpressions;

namespace EventSync.Core.Catalog;

/// <summary>Reads and validates catalog data; every problem names the entry it is in.</summary>
internal static partial class ErrorCatalogReader
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    public static ErrorCatalog Read(Stream json)
    {
        ErrorCatalogDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<ErrorCatalogDocument>(json, JsonOptions);
        }
        catch (JsonException e)
        {
            throw new ErrorCatalogException($"The error catalog is not valid JSON at {e.Path} (line {e.LineNumber + 1}): {e.Message}", e);
        }

        if (document?.Categories is not { Count: > 0 } || document.ErrorTypes is not { Count: > 0 })
        {
            throw new ErrorCatalogException("The error catalog needs non-empty 'categories' and 'errorTypes' arrays.");
        }

        var categories = ReadCategories(document.Categories);
        var errorTypes = ReadErrorTypes(document.ErrorTypes, categories.Select(c => c.Id).ToHashSet(StringComparer.Ordinal));
        return new ErrorCatalog(categories, errorTypes);
    }

    private static List<ErrorCategory> ReadCategories(List<ErrorCatalogDocument.CategoryEntry?> entries)
    {
        var categories = new List<ErrorCategory>();
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var name = $"categories[{i}] '{entry?.Id}'";
            var id = RequireId(entry?.Id, name);
            if (categories.Exists(c => c.Id == id))
            {
                throw new ErrorCatalogException($"{name}: the id is used twice.");
            }

            categories.Add(new ErrorCategory(id, RequireText(entry!.Title, name, "title")));
        }

        return categories;
    }

    private static List<ErrorTypeInfo> ReadErrorTypes(List<ErrorCatalogDocument.ErrorTypeEntry?> entries, HashSet<string> categoryIds)
    {
        var errorTypes = new List<ErrorTypeInfo>();
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var name = $"errorTypes[{i}] '{entry?.Id}'";
            var id = RequireId(entry?.Id, name);
            if (errorTypes.Exists(t => t.Id == id))
            {
                throw new ErrorCatalogException($"{name}: the id is used twice.");
            }

            if (entry!.Category is null || !categoryIds.Contains(entry.Category))
            {
                throw new ErrorCatalogException($"{name}: category '{entry.Category}' is not one of the catalog's categories.");
            }

            errorTypes.Add(new ErrorTypeInfo(
                id,
                entry.Category,
                RequireText(entry.Title, name, "title"),
                RequireText(entry.Meaning, name, "meaning"),
                RequireText(entry.Fix, name, "fix")));
        }

        return errorTypes;
    }

    private static string RequireId(string? id, string name) =>
        id is not null && IdPattern().IsMatch(id)
            ? id
            : throw new ErrorCatalogException($"{name}: the id must be lower-case kebab-case.");

    private static LocalizedText RequireText(ErrorCatalogDocument.TextEntry? text, string name, string property)
    {
        if (string.IsNullOrWhiteSpace(text?.En))
        {
            throw new ErrorCatalogException($"{name}: {property}.en is missing or empty.");
        }

        if (string.IsNullOrWhiteSpace(text.Pl))
        {
            throw new ErrorCatalogException($"{name}: {property}.pl is missing or empty.");
        }

        return new LocalizedText(text.En.Trim(), text.Pl.Trim());
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
