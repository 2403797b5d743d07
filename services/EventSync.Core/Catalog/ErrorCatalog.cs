using System.Diagnostics.CodeAnalysis;

namespace EventSync.Core.Catalog;

/// <summary>
/// The taxonomy of sync errors: categories and error types with titles, meanings and fixes in English and
/// Polish. Loaded once from embedded data and validated; ids are a public contract.
/// </summary>
public sealed class ErrorCatalog
{
    public const string OtherCategory = "other";
    public const string TransientCategory = "transient";
    public const string UnknownType = "unknown";
    public const string SalesforceAutomationType = "salesforce-automation";
    public const string SalesforceFlowType = "salesforce-flow";

    private const string ResourceName = "EventSync.Core.error-catalog.json";
    private static readonly Lazy<ErrorCatalog> DefaultCatalog = new(LoadEmbedded);

    private readonly Dictionary<string, ErrorTypeInfo> _byId;

    internal ErrorCatalog(IReadOnlyList<ErrorCategory> categories, IReadOnlyList<ErrorTypeInfo> errorTypes)
    {
        Categories = categories;
        ErrorTypes = errorTypes;
        _byId = errorTypes.ToDictionary(t => t.Id, StringComparer.Ordinal);
        if (!_byId.TryGetValue(UnknownType, out var unknown) || unknown.Category != OtherCategory)
        {
            throw new ErrorCatalogException($"The error catalog needs the error type '{OtherCategory}/{UnknownType}'.");
        }

        Unknown = unknown;
    }

    /// <summary>The catalog shipped with EventSync.</summary>
    public static ErrorCatalog Default => DefaultCatalog.Value;

    public IReadOnlyList<ErrorCategory> Categories { get; }

    public IReadOnlyList<ErrorTypeInfo> ErrorTypes { get; }

    public ErrorTypeInfo Unknown { get; }

    /// <summary>Reads and validates catalog JSON; throws <see cref="ErrorCatalogException"/> naming the bad entry.</summary>
    public static ErrorCatalog Load(Stream json) => ErrorCatalogReader.Read(json);

    public bool TryGet(string errorType, [NotNullWhen(true)] out ErrorTypeInfo? info) => _byId.TryGetValue(errorType, out info);

    public ErrorTypeInfo Get(string errorType) =>
        TryGet(errorType, out var info) ? info : throw new KeyNotFoundException($"'{errorType}' is not an error type of the catalog.");

    private static ErrorCatalog LoadEmbedded()
    {
        using var stream = typeof(ErrorCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new ErrorCatalogException($"The embedded resource '{ResourceName}' is missing.");
        return Load(stream);
    }
}
