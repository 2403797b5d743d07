namespace EventSync.Core.Catalog;

public sealed record LocalizedErrorType(string Id, string Category, string Title, string Meaning, string Fix, bool Retryable);
