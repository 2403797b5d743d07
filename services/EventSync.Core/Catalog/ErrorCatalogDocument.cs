namespace EventSync.Core.Catalog;

/// <summary>The shape of <c>error-catalog.json</c>, before validation.</summary>
internal sealed class ErrorCatalogDocument
{
    public List<CategoryEntry?>? Categories { get; set; }

    public List<ErrorTypeEntry?>? ErrorTypes { get; set; }

    internal sealed class CategoryEntry
    {
        public string? Id { get; set; }

        public TextEntry? Title { get; set; }
    }

    internal sealed class ErrorTypeEntry
    {
        public string? Id { get; set; }

        public string? Category { get; set; }

        public TextEntry? Title { get; set; }

        public TextEntry? Meaning { get; set; }

        public TextEntry? Fix { get; set; }
    }

    internal sealed class TextEntry
    {
        public string? En { get; set; }

        public string? Pl { get; set; }
    }
}
