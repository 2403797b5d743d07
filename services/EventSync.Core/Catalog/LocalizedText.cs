namespace EventSync.Core.Catalog;

/// <summary>A text shown to people, in every language the catalog supports.</summary>
public sealed record LocalizedText(string En, string Pl)
{
    public static IReadOnlyList<string> Languages { get; } = ["en", "pl"];

    /// <summary>The supported language closest to <paramref name="requested"/> (<c>pl</c>, <c>pl-PL</c> -> <c>pl</c>); English otherwise.</summary>
    public static string LanguageFor(string? requested) =>
        requested is not null && (requested.Equals("pl", StringComparison.OrdinalIgnoreCase) || requested.StartsWith("pl-", StringComparison.OrdinalIgnoreCase))
            ? "pl"
            : "en";

    /// <summary>The text in <paramref name="language"/>; English for anything else.</summary>
    public string In(string? language) => LanguageFor(language) == "pl" ? Pl : En;
}
