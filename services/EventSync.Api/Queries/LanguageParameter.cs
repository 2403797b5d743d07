using EventSync.Api.Localization;
using EventSync.Core.Catalog;

namespace EventSync.Api.Queries;

/// <summary>The <c>lang</c> parameter: one of the catalog's languages, English when absent.</summary>
internal static class LanguageParameter
{
    public const string Name = "lang";

    public static string? Read(string? lang, ValidationProblems problems)
    {
        if (string.IsNullOrWhiteSpace(lang))
        {
            return "en";
        }

        var language = LocalizedText.Languages.FirstOrDefault(l => l.Equals(lang.Trim(), StringComparison.OrdinalIgnoreCase));
        if (language is null)
        {
            problems.Add(Name, ProblemFormat.With(ProblemTexts.LanguageUnknown, lang, string.Join(", ", LocalizedText.Languages)));
        }

        return language;
    }
}
