namespace EventSync.Core.Catalog;

/// <summary>One error type of the taxonomy, with what it means and how to fix it.</summary>
public sealed record ErrorTypeInfo(string Id, string Category, LocalizedText Title, LocalizedText Meaning, LocalizedText Fix)
{
    /// <summary>Transient failures go away by themselves and are retried automatically.</summary>
    public bool Retryable => Category == ErrorCatalog.TransientCategory;
}
