using System.Text;
using EventSync.Core.Catalog;

namespace EventSync.Core.Tests.Catalog;

public sealed class ErrorCatalogTests
{
    private static readonly string[] TaxonomyTypes =
    [
        "associations/association-limit-reached", "associations/waiting-for-account-sync",
        "custom-code/salesforce-automation", "custom-code/missing-contact-id", "custom-code/validation-rule", "custom-code/salesforce-flow",
        "duplicates/email-already-in-use", "duplicates/salesforce-duplicate-rule",
        "permissions/insufficient-access-or-missing-record", "permissions/field-permissions", "permissions/insufficient-salesforce-access",
        "permissions/integration-authorization",
        "picklists/missing-picklist-option", "picklists/state-country-mismatch", "picklists/mismatched-options", "picklists/inactive-owner",
        "picklists/restricted-picklist-value", "picklists/inactive-opportunity-stage", "picklists/owners-not-synced",
        "picklists/option-limit-exceeded", "picklists/default-sales-process-unavailable", "picklists/invalid-opportunity-stage",
        "property-mapping/type-mismatch", "property-mapping/missing-salesforce-id", "property-mapping/invalid-salesforce-id",
        "property-values/string-too-long", "property-values/invalid-email", "property-values/required-country-missing",
        "property-values/invalid-value", "property-values/owner-assignment", "property-values/restricted-unique-value",
        "property-values/required-value-missing", "other/unknown",
        "transient/lock-contention", "transient/api-limit", "transient/service-unavailable", "transient/timeout",
        "transient/session-expired", "transient/batch-rollback",
    ];

    [Fact]
    public void Should_hold_exactly_the_taxonomy_ids_when_loaded_from_the_embedded_data()
    {
        var ids = ErrorCatalog.Default.ErrorTypes.Select(t => $"{t.Category}/{t.Id}");

        Assert.Equal(TaxonomyTypes.Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
        // The article's 31 types, and integration-authorization for failures of the integration's own access.
        Assert.Equal(32, ErrorCatalog.Default.ErrorTypes.Count(t => t.Category is not ErrorCatalog.OtherCategory and not ErrorCatalog.TransientCategory));
        Assert.Equal(7, ErrorCatalog.Default.Categories.Count(c => c.Id is not ErrorCatalog.OtherCategory and not ErrorCatalog.TransientCategory));
    }

    [Fact]
    public void Should_have_title_meaning_and_fix_in_both_languages_for_every_type()
    {
        foreach (var type in ErrorCatalog.Default.ErrorTypes)
        {
            foreach (var text in new[] { type.Title, type.Meaning, type.Fix })
            {
                Assert.False(string.IsNullOrWhiteSpace(text.En), type.Id);
                Assert.False(string.IsNullOrWhiteSpace(text.Pl), type.Id);
                Assert.NotEqual(text.En, text.Pl);
            }
        }
    }

    [Fact]
    public void Should_mark_only_transient_types_retryable()
    {
        Assert.All(ErrorCatalog.Default.ErrorTypes, t => Assert.Equal(t.Category == "transient", t.Retryable));
    }

    [Theory]
    [InlineData("pl", "Nieaktywny")]
    [InlineData("pl-PL", "Nieaktywny")]
    [InlineData("en", "Inactive Salesforce owner")]
    [InlineData("de", "Inactive Salesforce owner")]
    [InlineData(null, "Inactive Salesforce owner")]
    public void Should_pick_the_language_and_fall_back_to_english_when_asked_for_another(string? language, string expectedStart)
    {
        Assert.StartsWith(expectedStart, ErrorCatalog.Default.Get("inactive-owner").Title.In(language), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_name_the_entry_when_a_text_is_missing()
    {
        const string json = """
            { "categories": [ { "id": "other", "title": { "en": "Other", "pl": "Inne" } } ],
              "errorTypes": [ { "id": "unknown", "category": "other",
                                "title": { "en": "Other", "pl": "Inne" },
                                "meaning": { "en": "Nothing matched.", "pl": "" },
                                "fix": { "en": "Ask support.", "pl": "Zapytaj." } } ] }
            """;

        var error = Assert.Throws<ErrorCatalogException>(() => Load(json));

        Assert.Contains("errorTypes[0] 'unknown'", error.Message, StringComparison.Ordinal);
        Assert.Contains("meaning.pl", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "id": "Bad Id", "category": "other" }""", "lower-case kebab-case")]
    [InlineData("""{ "id": "x", "category": "nowhere", "title": { "en": "a", "pl": "b" } }""", "category 'nowhere'")]
    public void Should_name_the_entry_when_an_id_or_category_is_wrong(string entry, string expected)
    {
        var json = $$"""{ "categories": [ { "id": "other", "title": { "en": "Other", "pl": "Inne" } } ], "errorTypes": [ {{entry}} ] }""";

        var error = Assert.Throws<ErrorCatalogException>(() => Load(json));

        Assert.Contains("errorTypes[0]", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_say_where_when_the_json_is_broken()
    {
        var error = Assert.Throws<ErrorCatalogException>(() => Load("{ \"categories\": [ { \"id\": "));

        Assert.Contains("not valid JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_refuse_a_catalog_without_the_unknown_type()
    {
        const string json = """
            { "categories": [ { "id": "other", "title": { "en": "Other", "pl": "Inne" } } ],
              "errorTypes": [ { "id": "something", "category": "other",
                                "title": { "en": "A", "pl": "B" }, "meaning": { "en": "A", "pl": "B" }, "fix": { "en": "A", "pl": "B" } } ] }
            """;

        var error = Assert.Throws<ErrorCatalogException>(() => Load(json));

        Assert.Contains("other/unknown", error.Message, StringComparison.Ordinal);
    }

    private static ErrorCatalog Load(string json) => ErrorCatalog.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)));
}
