namespace EventSync.Core.Catalog;

public sealed record ErrorCategory(string Id, LocalizedText Title);
