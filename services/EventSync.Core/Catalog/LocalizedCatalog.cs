namespace EventSync.Core.Catalog;

/// <summary>The catalog in one language, grouped by category: what the API, the CLI and emails show.</summary>
public sealed record LocalizedCatalog(string Language, IReadOnlyList<LocalizedCategory> Categories)
{
    public static LocalizedCatalog From(ErrorCatalog catalog, string? language)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var lang = LocalizedText.LanguageFor(language);
        var categories = catalog.Categories
            .Select(c => new LocalizedCategory(
                c.Id,
                c.Title.In(lang),
                catalog.ErrorTypes
                    .Where(t => t.Category == c.Id)
                    .Select(t => new LocalizedErrorType(t.Id, t.Category, t.Title.In(lang), t.Meaning.In(lang), t.Fix.In(lang), t.Retryable))
                    .ToList()))
            .ToList();
        return new LocalizedCatalog(lang, categories);
    }
}
