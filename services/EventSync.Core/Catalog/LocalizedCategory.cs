namespace EventSync.Core.Catalog;

public sealed record LocalizedCategory(string Id, string Title, IReadOnlyList<LocalizedErrorType> ErrorTypes);
