using System.Collections;
using System.Globalization;
using System.Text.RegularExpressions;
using EventSync.Api.Localization;

namespace EventSync.Api.Tests;

/// <summary>Every problem text the API can answer in English has its Polish translation, with no value the English text does not fill.</summary>
public sealed partial class ProblemTextsTests
{
    [Fact]
    public void Should_have_a_polish_text_for_every_english_text_and_no_other()
    {
        var english = Texts(CultureInfo.InvariantCulture);
        var polish = Texts(CultureInfo.GetCultureInfo("pl"));

        Assert.True(english.Count > 50, $"Only {english.Count} English texts were read.");
        Assert.Equal(english.Keys.Order(StringComparer.Ordinal), polish.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Should_translate_every_text_into_polish_using_only_the_values_the_english_text_has()
    {
        var english = Texts(CultureInfo.InvariantCulture);
        var polish = Texts(CultureInfo.GetCultureInfo("pl"));

        var wrong = english.Keys.Where(polish.ContainsKey)
            .Where(key => string.IsNullOrWhiteSpace(polish[key])
                || polish[key] == english[key]
                || !Placeholders(polish[key]).IsSubsetOf(Placeholders(english[key])))
            .ToList();

        Assert.Empty(wrong);
    }

    [Fact]
    public void Should_read_the_polish_texts_when_the_ui_culture_is_polish()
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("pl");
            Assert.Equal("Zapytanie jest nieprawidłowe.", ProblemTexts.QueryInvalidTitle);
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("de");
            Assert.Equal("The query is not valid.", ProblemTexts.QueryInvalidTitle);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    private static Dictionary<string, string> Texts(CultureInfo culture)
    {
        var set = ProblemTexts.ResourceManager.GetResourceSet(culture, createIfNotExists: true, tryParents: false);
        Assert.NotNull(set);
        return set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!, StringComparer.Ordinal);
    }

    private static HashSet<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value)];

    [GeneratedRegex(@"\{\d+\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
