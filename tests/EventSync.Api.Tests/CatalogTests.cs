using EventSync.Api.Tests.Infrastructure;
using EventSync.Core.Catalog;
using EventSync.Testing.Http;

namespace EventSync.Api.Tests;

/// <summary><c>GET /api/catalog</c>: public, in English or Polish.</summary>
public sealed class CatalogTests(ApiHost host)
{
    [Fact]
    public async Task Should_return_the_english_catalog_without_a_key_when_no_language_is_asked()
    {
        using var response = await host.GetAsync("/api/catalog", key: null);

        var catalog = await Problems.JsonAsync(response);
        Assert.Equal("en", catalog.GetProperty("language").GetString());
        var expected = LocalizedCatalog.From(ErrorCatalog.Default, "en");
        var categories = catalog.GetProperty("categories").EnumerateArray().ToList();
        Assert.Equal(expected.Categories.Select(c => c.Id), categories.Select(c => c.GetProperty("id").GetString()));
        var invalidEmail = categories.SelectMany(c => c.GetProperty("errorTypes").EnumerateArray()).Single(t => t.GetProperty("id").GetString() == "invalid-email");
        Assert.Equal(ErrorCatalog.Default.Get("invalid-email").Fix.En, invalidEmail.GetProperty("fix").GetString());
    }

    [Fact]
    public async Task Should_return_polish_texts_when_lang_is_pl()
    {
        using var response = await host.GetAsync("/api/catalog?lang=pl", key: null);

        var catalog = await Problems.JsonAsync(response);
        Assert.Equal("pl", catalog.GetProperty("language").GetString());
        var first = ErrorCatalog.Default.Categories[0];
        Assert.Equal(first.Title.Pl, catalog.GetProperty("categories")[0].GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("de")]
    [InlineData("english")]
    public async Task Should_refuse_naming_lang_when_the_language_is_unknown(string lang)
    {
        using var response = await host.GetAsync($"/api/catalog?lang={lang}", key: null);

        var messages = await Problems.FieldAsync(response, "lang");
        Assert.Contains(messages, m => m.Contains(lang, StringComparison.Ordinal));
    }
}
