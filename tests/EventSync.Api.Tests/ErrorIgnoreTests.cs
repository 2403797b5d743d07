using System.Net;
using EventSync.Api.Tests.Infrastructure;
using EventSync.Core.Errors;
using EventSync.Testing;
using EventSync.Testing.Http;
using Microsoft.Extensions.DependencyInjection;

namespace EventSync.Api.Tests;

/// <summary>
/// <c>POST /api/tenants/{t}/errors/ignore</c> and <c>.../errors/restore</c>: errors by id or by the list's filter leave the
/// cards as <c>ignored</c> (who, why, until when) and come back as open; every bad field is named.
/// </summary>
public sealed class ErrorIgnoreTests(ApiHost host)
{
    [Fact]
    public async Task Should_list_the_error_as_ignored_by_the_key_with_its_conditions_and_leave_it_off_the_cards_when_it_is_ignored_by_id()
    {
        var tenant = SyncFailures.NewTenant("ignore-ids");
        var errors = await host.SeedAsync([SyncFailures.ToSalesforce(tenant, "ign-1", SyncFailures.InvalidEmail), SyncFailures.ToSalesforce(tenant, "ign-2", SyncFailures.InvalidEmail)]);

        using var response = await host.SendAsync(
            HttpMethod.Post, TenantErrors.Path(tenant, "errors/ignore"), host.AdminKey,
            new { errorIds = new[] { errors[0].Id }, until = "2099-01-31T09:00:00+01:00", untilOccurrences = 5, reason = "  a test record  " });

        var answer = await Problems.JsonAsync(response);
        Assert.Equal([errors[0].Id], answer.GetProperty("changed").EnumerateArray().Select(e => e.GetString()));
        Assert.Empty(answer.GetProperty("unchanged").EnumerateArray());
        var (items, _) = await host.PageAsync(tenant, "?state=ignored");
        var listed = Assert.Single(items);
        Assert.Equal(("ignored", errors[0].Id), (listed.GetProperty("state").GetString(), listed.GetProperty("id").GetString()));
        var ignore = listed.GetProperty("ignore");
        Assert.Equal("admin", ignore.GetProperty("ignoredBy").GetString());
        Assert.Equal(new DateTimeOffset(2099, 1, 31, 8, 0, 0, TimeSpan.Zero), ignore.GetProperty("until").GetDateTimeOffset());
        Assert.Equal((5, 6), (ignore.GetProperty("untilOccurrences").GetInt32(), ignore.GetProperty("reopenAtOccurrences").GetInt32()));
        Assert.Equal("a test record", ignore.GetProperty("reason").GetString());
        var card = Assert.Single(await Store.GetErrorCardsAsync(tenant, TestContext.Current.CancellationToken));
        Assert.Equal(1, card.CurrentErrors);
    }

    [Fact]
    public async Task Should_ignore_a_whole_card_by_its_filter_and_restore_every_ignored_error_with_an_empty_filter()
    {
        var tenant = SyncFailures.NewTenant("ignore-card");
        var card = await host.SeedAsync(Enumerable.Range(0, 30).Select(i => SyncFailures.ToSalesforce(tenant, $"card-{i}", SyncFailures.InvalidEmail)));
        var other = await host.SeedAsync([SyncFailures.ToSalesforce(tenant, "card-other", SyncFailures.ValidationRule)]);

        using (var ignored = await host.SendAsync(HttpMethod.Post, TenantErrors.Path(tenant, "errors/ignore"), host.AdminKey, new { filter = new { errorType = card[0].ErrorType } }))
        {
            Assert.Equal(30, (await Problems.JsonAsync(ignored)).GetProperty("changed").GetArrayLength());
        }

        Assert.Equal([other[0].ErrorType], (await Store.GetErrorCardsAsync(tenant, TestContext.Current.CancellationToken)).Select(c => c.ErrorType));
        Assert.Null((await Store.GetAsync(tenant, card[0].Id, TestContext.Current.CancellationToken))!.Ignore!.Until);

        using var restored = await host.SendAsync(HttpMethod.Post, TenantErrors.Path(tenant, "errors/restore"), host.AdminKey, new { filter = new { } });

        Assert.Equal(30, (await Problems.JsonAsync(restored)).GetProperty("changed").GetArrayLength());
        var states = (await Queries.GetManyAsync(tenant, [.. card.Select(e => e.Id)], TestContext.Current.CancellationToken)).Select(e => e.State).Distinct();
        Assert.Equal([SyncErrorState.Open], states);
        Assert.Equal(31, (await Store.GetErrorCardsAsync(tenant, TestContext.Current.CancellationToken)).Sum(c => c.CurrentErrors));
    }

    [Fact]
    public async Task Should_say_which_errors_it_left_alone_when_some_are_resolved_or_not_ignored()
    {
        var tenant = SyncFailures.NewTenant("ignore-left");
        var errors = await host.SeedAsync([SyncFailures.ToSalesforce(tenant, "left-1", SyncFailures.InvalidEmail), SyncFailures.ToSalesforce(tenant, "left-2", SyncFailures.InvalidEmail)]);

        using var response = await host.SendAsync(HttpMethod.Post, TenantErrors.Path(tenant, "errors/restore"), host.AdminKey, new { errorIds = errors.Select(e => e.Id) });

        var answer = await Problems.JsonAsync(response);
        Assert.Empty(answer.GetProperty("changed").EnumerateArray());
        Assert.Equal(errors.Select(e => e.Id), answer.GetProperty("unchanged").EnumerateArray().Select(e => e.GetString()));
    }

    [Theory]
    [InlineData("{}", "errorIds")]
    [InlineData("{\"errorIds\":[\"x\"],\"filter\":{}}", "errorIds")]
    [InlineData("{\"errorIds\":[\"not-an-error-of-this-tenant\"]}", "errorIds")]
    [InlineData("{\"errorIds\":[42]}", "errorIds[0]")]
    [InlineData("{\"filter\":[]}", "filter")]
    [InlineData("{\"filter\":{\"state\":\"resolved\"}}", "filter.state")]
    [InlineData("{\"filter\":{\"errorType\":\"no-such-type\"}}", "filter.errorType")]
    [InlineData("{\"filter\":{},\"until\":\"2020-01-01T00:00:00Z\"}", "until")]
    [InlineData("{\"filter\":{},\"until\":\"2099-01-01T00:00:00\"}", "until")]
    [InlineData("{\"filter\":{},\"until\":\"next week\"}", "until")]
    [InlineData("{\"filter\":{},\"untilOccurrences\":0}", "untilOccurrences")]
    [InlineData("{\"filter\":{},\"untilOccurrences\":2.5}", "untilOccurrences")]
    [InlineData("{\"filter\":{},\"untilOccurrences\":\"3\"}", "untilOccurrences")]
    [InlineData("{\"filter\":{},\"reason\":\"bell\\u0007\"}", "reason")]
    [InlineData("{\"filter\":{},\"reason\":7}", "reason")]
    public async Task Should_refuse_naming_the_field_and_ignore_nothing_when_the_request_is_not_valid(string body, string field)
    {
        var tenant = SyncFailures.NewTenant("ignore-invalid");
        var errors = await host.SeedAsync([SyncFailures.ToSalesforce(tenant, "invalid-1", SyncFailures.InvalidEmail)]);

        using var response = await host.SendRawAsync(HttpMethod.Post, TenantErrors.Path(tenant, "errors/ignore"), host.AdminKey, body);

        Assert.NotEmpty(await Problems.FieldAsync(response, field));
        Assert.Equal(SyncErrorState.Open, (await Queries.GetManyAsync(tenant, [errors[0].Id], TestContext.Current.CancellationToken))[0].State);
    }

    [Fact]
    public async Task Should_refuse_a_restore_whose_filter_asks_for_errors_that_are_not_ignored()
    {
        var tenant = SyncFailures.NewTenant("restore-invalid");

        using var response = await host.SendRawAsync(HttpMethod.Post, TenantErrors.Path(tenant, "errors/restore"), host.AdminKey, "{\"filter\":{\"state\":\"open\"}}");

        Assert.Contains("Only ignored errors", Assert.Single(await Problems.FieldAsync(response, "filter.state")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_not_resync_an_ignored_error()
    {
        var tenant = SyncFailures.NewTenant("ignore-resync");
        var errors = await host.SeedAsync([SyncFailures.ToSalesforce(tenant, "skip-1", SyncFailures.InvalidEmail)]);
        await Store.IgnoreAsync(tenant, [errors[0].Id], new ErrorIgnore { IgnoredBy = "test", IgnoredAt = DateTimeOffset.UtcNow }, TestContext.Current.CancellationToken);

        using var response = await host.SendAsync(HttpMethod.Post, TenantErrors.Path(tenant, "resync"), host.AdminKey, new { errorIds = new[] { errors[0].Id } });

        var answer = await Problems.JsonAsync(response, HttpStatusCode.OK);
        Assert.Equal([errors[0].Id], answer.GetProperty("notResyncable").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(SyncErrorState.Ignored, (await Queries.GetManyAsync(tenant, [errors[0].Id], TestContext.Current.CancellationToken))[0].State);
    }

    private ISyncErrorStore Store => host.Services.GetRequiredService<ISyncErrorStore>();

    private ISyncErrorQueries Queries => host.Services.GetRequiredService<ISyncErrorQueries>();
}
