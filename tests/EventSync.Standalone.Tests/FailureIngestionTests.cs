using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using EventSync.Contracts;
using EventSync.Core.Errors;
using EventSync.Testing;
using EventSync.Testing.Standalone;
using Microsoft.Extensions.DependencyInjection;

namespace EventSync.Standalone.Tests;

/// <summary><c>POST /api/failures</c> end to end: HTTP in, through the in-memory bus and the classifier, into the sync-health cards.</summary>
public sealed class FailureIngestionTests(StandaloneInMemory host)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private RunningStandalone Standalone => host.Standalone;

    [Fact]
    public async Task Should_accept_the_event_and_show_its_card_when_one_event_is_posted()
    {
        var tenant = SyncFailures.NewTenant("post-one");
        var failure = SyncFailures.ToSalesforce(tenant, "8866910", SyncFailures.ValidationRule);

        using var response = await Standalone.PostFailuresAsync(Json(failure), Standalone.AdminKey);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(1, (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("accepted").GetInt32());
        var health = await Eventually.MatchesAsync(
            () => Standalone.SyncHealthAsync(tenant),
            h => h.ErrorCards.Count > 0,
            Deadline,
            "the tenant has an error card");
        var card = Assert.Single(health.ErrorCards);
        Assert.Equal(("custom-code", SyncFailures.ValidationRuleType, 1L, 1L), (card.Category, card.ErrorType, card.CurrentErrors, card.AffectedRecords));
        Assert.False(string.IsNullOrWhiteSpace(card.Title));
        Assert.Equal(tenant, health.TenantId);
        Assert.Null(health.ApiUsage);
    }

    [Fact]
    public async Task Should_accept_every_event_and_count_errors_and_records_per_type_when_an_array_is_posted()
    {
        var tenant = SyncFailures.NewTenant("post-array");
        SyncFailureReported[] failures =
        [
            SyncFailures.ToSalesforce(tenant, "101", SyncFailures.InvalidEmail),
            SyncFailures.ToSalesforce(tenant, "102", SyncFailures.InvalidEmail),
            SyncFailures.ToSalesforce(tenant, "101", SyncFailures.InvalidEmail),
            SyncFailures.ToSalesforce(tenant, "101", SyncFailures.RequiredFieldMissing),
            SyncFailures.ToSalesforce(tenant, "36909", SyncFailures.DuplicateRule, objectType: "lead"),
            SyncFailures.ToSalesforce(tenant, "103", SyncFailures.RowLock),
        ];

        using var response = await Standalone.PostFailuresAsync(Json(failures), Standalone.AdminKey);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(6, (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("accepted").GetInt32());
        var health = await Eventually.MatchesAsync(
            () => Standalone.SyncHealthAsync(tenant),
            h => h.ErrorCards.Sum(c => c.CurrentErrors) >= 4,
            Deadline,
            "four current errors are shown");
        Assert.Equal(
            [
                ("property-values", SyncFailures.InvalidEmailType, 2L, 2L),
                ("property-values", SyncFailures.RequiredValueMissingType, 1L, 1L),
                ("duplicates", SyncFailures.DuplicateRuleType, 1L, 1L),
            ],
            health.ErrorCards.Select(c => (c.Category, c.ErrorType, c.CurrentErrors, c.AffectedRecords)));
    }

    [Fact]
    public async Task Should_refuse_the_whole_request_naming_the_field_when_an_element_of_an_array_has_no_eventId()
    {
        var tenant = SyncFailures.NewTenant("post-invalid");
        var valid = SyncFailures.ToSalesforce(tenant, "201", SyncFailures.InvalidEmail);
        var invalid = JsonNode.Parse(Json(SyncFailures.ToSalesforce(tenant, "202", SyncFailures.InvalidEmail)))!.AsObject();
        invalid.Remove("eventId");

        using var response = await Standalone.PostFailuresAsync($"[{Json(valid)},{invalid.ToJsonString()}]", Standalone.AdminKey);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        var fields = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
        Assert.True(fields.SequenceEqual(["[1].eventId"]), $"The problem names {string.Join(", ", fields)}, not [1].eventId: {problem.GetRawText()}");
        await AssertNothingStoredAsync(tenant, valid);
    }

    [Fact]
    public async Task Should_refuse_with_413_naming_the_event_when_one_event_is_larger_than_the_bus_carries()
    {
        var tenant = SyncFailures.NewTenant("post-oversized");
        var valid = SyncFailures.ToSalesforce(tenant, "211", SyncFailures.InvalidEmail);
        var longMessage = SyncFailures.InvalidEmail with { Message = "Email: invalid email address: " + new string('x', 4_000) };
        var oversized = SyncFailures.ToSalesforce(tenant, "212", SyncFailures.InvalidEmail) with { Errors = [.. Enumerable.Repeat(longMessage, 70)] };

        using var response = await Standalone.PostFailuresAsync(Json<SyncFailureReported[]>([valid, oversized]), Standalone.AdminKey);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(["[1]"], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        await AssertNothingStoredAsync(tenant, valid);
    }

    [Fact]
    public async Task Should_refuse_with_401_and_store_nothing_when_failures_are_posted_without_a_key()
    {
        var tenant = SyncFailures.NewTenant("post-no-key");
        var failure = SyncFailures.ToSalesforce(tenant, "301", SyncFailures.InvalidEmail);

        using var response = await Standalone.PostFailuresAsync(Json(failure), key: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await AssertNothingStoredAsync(tenant, failure);
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, ContractJson.Options);

    /// <summary>
    /// Posts a valid event of the same tenant and error type afterwards and waits for it: had the refused event been
    /// published, it would have been counted by then.
    /// </summary>
    private async Task AssertNothingStoredAsync(string tenant, SyncFailureReported refused)
    {
        var later = SyncFailures.ToSalesforce(tenant, "999", SyncFailures.InvalidEmail);
        using var accepted = await Standalone.PostFailuresAsync(Json(later), Standalone.AdminKey);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var health = await Eventually.MatchesAsync(
            () => Standalone.SyncHealthAsync(tenant),
            h => h.ErrorCards.Count > 0,
            Deadline,
            "the event posted afterwards is shown");

        var card = Assert.Single(health.ErrorCards);
        Assert.Equal((SyncFailures.InvalidEmailType, 1L), (card.ErrorType, card.CurrentErrors));
        var store = Standalone.Services.GetRequiredService<ISyncErrorStore>();
        var refusedErrorId = SyncErrorKeys.ErrorId(tenant, "contact", $"hs:{refused.HubSpotId}", SyncFailures.InvalidEmailType);
        Assert.Null(await store.GetAsync(tenant, refusedErrorId, TestContext.Current.CancellationToken));
    }
}
