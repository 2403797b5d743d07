using System.Net;
using EventSync.Api.Tests.Infrastructure;
using EventSync.Contracts;
using EventSync.Core.Errors;
using EventSync.Testing;
using EventSync.Testing.Http;
using Microsoft.Extensions.DependencyInjection;

namespace EventSync.Api.Tests;

/// <summary><c>POST /api/tenants/{t}/resync</c>: at most 100 of the tenant's error ids, moved to resync-pending, a command sent.</summary>
public sealed class ResyncTests(ApiHost host)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Should_accept_move_to_pending_and_send_a_command_when_the_errors_are_open()
    {
        var tenant = SyncFailures.NewTenant("resync");
        var errors = await host.SeedAsync([SyncFailures.ToSalesforce(tenant, "801", SyncFailures.InvalidEmail), SyncFailures.ToSalesforce(tenant, "802", SyncFailures.ValidationRule)]);
        var ids = errors.Select(e => e.Id).ToArray();

        using var response = await PostAsync(tenant, new { errorIds = ids });

        var accepted = await Problems.JsonAsync(response, HttpStatusCode.Accepted);
        var requestId = accepted.GetProperty("requestId").GetString()!;
        Assert.True(Guid.TryParse(requestId, out _));
        Assert.Equal(ids, Strings(accepted, "accepted"));
        Assert.Empty(Strings(accepted, "alreadyPending"));
        Assert.Empty(Strings(accepted, "notResyncable"));
        var command = await Eventually.MatchesAsync(
            () => Task.FromResult(host.ResyncCommands.Published.SingleOrDefault(c => c.TenantId == tenant)),
            c => c is not null,
            Deadline,
            "a ResyncErrors command for the tenant is published");
        Assert.Equal((requestId, "admin"), (command!.RequestId, command.RequestedBy));
        Assert.Equal(ids, command.ErrorIds);
        Assert.Equal(DateTimeOffset.UtcNow, command.RequestedAt, TimeSpan.FromMinutes(1));
        var stored = await Queries.GetManyAsync(tenant, ids, TestContext.Current.CancellationToken);
        Assert.All(stored, e => Assert.Equal(SyncErrorState.ResyncPending, e.State));
    }

    [Fact]
    public async Task Should_report_pending_and_resolved_errors_apart_when_not_every_error_is_open()
    {
        var tenant = SyncFailures.NewTenant("resync-mixed");
        var errors = await host.SeedAsync(
        [
            SyncFailures.ToSalesforce(tenant, "811", SyncFailures.InvalidEmail),
            SyncFailures.ToSalesforce(tenant, "812", SyncFailures.InvalidEmail),
            SyncFailures.ToSalesforce(tenant, "813", SyncFailures.InvalidEmail),
        ]);
        var (open, pending, resolved) = (errors[0], errors[1], errors[2]);
        await host.Services.GetRequiredService<ISyncErrorStore>().MarkResyncPendingAsync(tenant, [pending.Id], TestContext.Current.CancellationToken);
        var store = host.Services.GetRequiredService<ISyncErrorStore>();
        Assert.Equal(1, await store.ResolveRecordsAsync([new RecordResolution(tenant, "contact", "813", null, DateTimeOffset.UtcNow.AddMinutes(1))], TestContext.Current.CancellationToken));

        using var response = await PostAsync(tenant, new { errorIds = new[] { open.Id, pending.Id, resolved.Id } });

        var accepted = await Problems.JsonAsync(response, HttpStatusCode.Accepted);
        Assert.Equal([open.Id], Strings(accepted, "accepted"));
        Assert.Equal([pending.Id], Strings(accepted, "alreadyPending"));
        Assert.Equal([resolved.Id], Strings(accepted, "notResyncable"));
    }

    [Fact]
    public async Task Should_accept_every_id_when_exactly_100_are_sent()
    {
        var tenant = SyncFailures.NewTenant("resync-100");
        var errors = await host.SeedAsync(Enumerable.Range(0, ResyncErrors.MaxErrorIds).Select(i => SyncFailures.ToSalesforce(tenant, $"h{i}", SyncFailures.InvalidEmail)));

        using var response = await PostAsync(tenant, new { errorIds = errors.Select(e => e.Id).ToArray() });

        var accepted = await Problems.JsonAsync(response, HttpStatusCode.Accepted);
        Assert.Equal(100, Strings(accepted, "accepted").Count);
    }

    [Fact]
    public async Task Should_refuse_saying_at_most_100_and_what_to_do_instead_when_101_are_sent()
    {
        var tenant = SyncFailures.NewTenant("resync-101");
        var errors = await host.SeedAsync(Enumerable.Range(0, 101).Select(i => SyncFailures.ToSalesforce(tenant, $"h{i}", SyncFailures.InvalidEmail)));

        using var response = await PostAsync(tenant, new { errorIds = errors.Select(e => e.Id).ToArray() });

        var message = Assert.Single(await Problems.FieldAsync(response, "errorIds"));
        Assert.Contains("At most 100 error ids per request", message, StringComparison.Ordinal);
        Assert.Contains("Send several requests", message, StringComparison.Ordinal);
        Assert.Contains("POST .../resync-all", message, StringComparison.Ordinal);
        var stored = await Queries.GetManyAsync(tenant, [.. errors.Select(e => e.Id)], TestContext.Current.CancellationToken);
        Assert.All(stored, e => Assert.Equal(SyncErrorState.Open, e.State));
    }

    [Theory]
    [InlineData("{\"errorIds\":[]}")]
    [InlineData("{}")]
    [InlineData("{\"errorIds\":null}")]
    [InlineData("{\"errorIds\":[\" \"]}")]
    public async Task Should_refuse_naming_errorIds_when_no_id_is_sent(string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, TenantErrors.Path(ApiHost.Acme, "resync"))
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(ApiHost.ApiKeyHeader, host.AdminKey);
        using var response = await host.Http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.NotEmpty(await Problems.FieldAsync(response, "errorIds"));
    }

    [Fact]
    public async Task Should_refuse_naming_the_ids_and_change_nothing_when_some_are_unknown_or_another_tenants()
    {
        var tenant = SyncFailures.NewTenant("resync-unknown");
        var other = SyncFailures.NewTenant("resync-other");
        var own = (await host.SeedAsync([SyncFailures.ToSalesforce(tenant, "821", SyncFailures.InvalidEmail)])).Single();
        var others = (await host.SeedAsync([SyncFailures.ToSalesforce(other, "822", SyncFailures.InvalidEmail)])).Single();
        const string unknown = "ffffffffffffffffffffffff";

        using var response = await PostAsync(tenant, new { errorIds = new[] { own.Id, others.Id, unknown } });

        var message = Assert.Single(await Problems.FieldAsync(response, "errorIds"));
        Assert.Contains(others.Id, message, StringComparison.Ordinal);
        Assert.Contains(unknown, message, StringComparison.Ordinal);
        Assert.DoesNotContain(own.Id, message, StringComparison.Ordinal);
        Assert.Equal(SyncErrorState.Open, (await Queries.GetManyAsync(tenant, [own.Id], TestContext.Current.CancellationToken)).Single().State);
        Assert.Equal(SyncErrorState.Open, (await Queries.GetManyAsync(other, [others.Id], TestContext.Current.CancellationToken)).Single().State);
    }

    [Fact]
    public async Task Should_name_each_item_by_its_index_when_error_ids_have_the_wrong_type()
    {
        var tenant = SyncFailures.NewTenant("resync-types");
        var error = (await host.SeedAsync([SyncFailures.ToSalesforce(tenant, "831", SyncFailures.InvalidEmail)])).Single();

        using var response = await host.SendRawAsync(
            HttpMethod.Post, TenantErrors.Path(tenant, "resync"), host.AdminKey, $"{{\"errorIds\":[\"{error.Id}\", 42, null, \" \"]}}");

        Assert.Contains("string", Assert.Single(await Problems.FieldAsync(response, "errorIds[1]")), StringComparison.Ordinal);
        var problem = await Problems.ReadAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("errorIds[2]", out _), problem.GetRawText());
        Assert.True(errors.TryGetProperty("errorIds[3]", out _), problem.GetRawText());
        Assert.False(errors.TryGetProperty("errorIds[0]", out _), problem.GetRawText());
        Assert.Equal(SyncErrorState.Open, (await Queries.GetManyAsync(tenant, [error.Id], TestContext.Current.CancellationToken)).Single().State);
    }

    [Fact]
    public async Task Should_refuse_naming_errorIds_when_it_is_not_an_array()
    {
        using var response = await host.SendRawAsync(HttpMethod.Post, TenantErrors.Path(ApiHost.Acme, "resync"), host.AdminKey, "{\"errorIds\":\"abc\"}");

        Assert.Contains("array", Assert.Single(await Problems.FieldAsync(response, "errorIds")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_accept_the_id_once_when_101_copies_of_it_are_sent()
    {
        var tenant = SyncFailures.NewTenant("resync-copies");
        var error = (await host.SeedAsync([SyncFailures.ToSalesforce(tenant, "841", SyncFailures.InvalidEmail)])).Single();

        using var response = await PostAsync(tenant, new { errorIds = Enumerable.Repeat(error.Id, ResyncErrors.MaxErrorIds + 1).ToArray() });

        var accepted = await Problems.JsonAsync(response, HttpStatusCode.Accepted);
        Assert.Equal([error.Id], Strings(accepted, "accepted"));
    }

    [Fact]
    public async Task Should_answer_200_without_a_request_id_or_location_when_every_error_was_already_pending()
    {
        var tenant = SyncFailures.NewTenant("resync-again");
        var error = (await host.SeedAsync([SyncFailures.ToSalesforce(tenant, "851", SyncFailures.InvalidEmail)])).Single();
        using var first = await PostAsync(tenant, new { errorIds = new[] { error.Id } });
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.NotNull(first.Headers.Location);

        using var again = await PostAsync(tenant, new { errorIds = new[] { error.Id } });

        var answer = await Problems.JsonAsync(again, HttpStatusCode.OK);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, answer.GetProperty("requestId").ValueKind);
        Assert.Empty(Strings(answer, "accepted"));
        Assert.Equal([error.Id], Strings(answer, "alreadyPending"));
        Assert.Null(again.Headers.Location);
        Assert.Single(host.ResyncCommands.Published, c => c.TenantId == tenant);
    }

    private ISyncErrorQueries Queries => host.Services.GetRequiredService<ISyncErrorQueries>();

    private Task<HttpResponseMessage> PostAsync(string tenant, object body) => host.SendAsync(HttpMethod.Post, TenantErrors.Path(tenant, "resync"), host.AdminKey, body);

    private static List<string> Strings(System.Text.Json.JsonElement element, string property) =>
        [.. element.GetProperty(property).EnumerateArray().Select(e => e.GetString()!)];
}
