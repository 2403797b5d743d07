using EventSync.Core.Catalog;

namespace EventSync.Notifications.Texts;

/// <summary>The error types of the catalog in one language, by id: the titles and fixes emails show.</summary>
internal static class CatalogErrorTypes
{
    public static Dictionary<string, LocalizedErrorType> In(string? language) =>
        LocalizedCatalog.From(ErrorCatalog.Default, language).Categories.SelectMany(c => c.ErrorTypes).ToDictionary(t => t.Id, StringComparer.Ordinal);
}
