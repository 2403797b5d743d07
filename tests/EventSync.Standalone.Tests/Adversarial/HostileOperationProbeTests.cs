using System.Net;
using System.Runtime.Versioning;
using System.Text.Json;
using EventSync.Standalone.Tests.Infrastructure;
using EventSync.Testing;
using EventSync.Testing.Http;

namespace EventSync.Standalone.Tests.Adversarial;

/// <summary>
/// What a careless operator script or a hostile one does with the real process's operations: test digests in a loop,
/// resync bodies of the wrong shape or full of copies, resyncs of what is already pending, and a look at the files the
/// process leaves on disk.
/// </summary>
public sealed class HostileOperationProbeTests(ProbedStandalone host) : IClassFixture<ProbedStandalone>
{
    private const int NotificationTestsPerWindow = 3;

    [Fact]
    public async Task Should_answer_429_with_retry_after_to_every_test_digest_beyond_the_tenants_limit()
    {
        var tenant = SyncFailures.NewTenant("digest-loop");
        using (var put = await host.SendJsonAsync(HttpMethod.Put, ProbedStandalone.TenantPath(tenant, "notification-settings"), host.AdminKey, """{"enabled":true,"frequency":"daily","recipients":["ops@example.com"]}"""))
        {
            await Problems.JsonAsync(put);
        }

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 20; i++)
        {
            answers.Add(await host.SendAsync(HttpMethod.Post, ProbedStandalone.TenantPath(tenant, "notifications/test"), host.AdminKey));
        }

        Assert.All(answers.Take(NotificationTestsPerWindow), a => Assert.NotEqual(HttpStatusCode.TooManyRequests, a.StatusCode));
        foreach (var refused in answers.Skip(NotificationTestsPerWindow))
        {
            await Problems.ReadAsync(refused, HttpStatusCode.TooManyRequests);
            Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"Retry-After: {refused.Headers.RetryAfter}");
        }

        answers.ForEach(a => a.Dispose());
    }

    [Fact]
    public async Task Should_answer_400_naming_each_item_when_error_ids_have_the_wrong_types()
    {
        var tenant = SyncFailures.NewTenant("resync-types");

        using var response = await host.SendJsonAsync(HttpMethod.Post, ProbedStandalone.TenantPath(tenant, "resync"), host.AdminKey, """{"errorIds":[1,true,{"$ne":null},"  ",["x"]]}""");

        var problem = await Problems.ReadAsync(response, HttpStatusCode.BadRequest);
        var named = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
        Assert.All(Enumerable.Range(0, 5), i => Assert.Contains($"errorIds[{i}]", named));
    }

    [Theory]
    [InlineData("""{"errorIds":"abc"}""")]
    [InlineData("""{"errorIds":[]}""")]
    [InlineData("""{"errorIds":null}""")]
    [InlineData("""{}""")]
    public async Task Should_answer_400_naming_error_ids_when_they_are_missing_or_not_a_list(string body)
    {
        using var response = await host.SendJsonAsync(HttpMethod.Post, ProbedStandalone.TenantPath(SyncFailures.NewTenant("resync-shape"), "resync"), host.AdminKey, body);

        Assert.NotEmpty(await Problems.FieldAsync(response, "errorIds"));
    }

    [Fact]
    public async Task Should_accept_101_copies_of_one_id_as_one_and_answer_200_without_a_request_when_it_is_already_pending()
    {
        var tenant = SyncFailures.NewTenant("resync-copies");
        var error = Assert.Single(await host.SeedAsync(tenant, [SyncFailures.ToSalesforce(tenant, "901", SyncFailures.InvalidEmail)], expectedErrors: 1));
        var id = error.GetProperty("id").GetString()!;
        var copies = JsonSerializer.Serialize(new { errorIds = Enumerable.Repeat(id, 101) });

        using var first = await host.SendJsonAsync(HttpMethod.Post, ProbedStandalone.TenantPath(tenant, "resync"), host.AdminKey, copies);
        using var again = await host.SendJsonAsync(HttpMethod.Post, ProbedStandalone.TenantPath(tenant, "resync"), host.AdminKey, copies);

        var accepted = await Problems.JsonAsync(first, HttpStatusCode.Accepted);
        Assert.Equal([id], accepted.GetProperty("accepted").EnumerateArray().Select(e => e.GetString()));
        Assert.NotNull(first.Headers.Location);
        var pending = await Problems.JsonAsync(again, HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, pending.GetProperty("requestId").ValueKind);
        Assert.Empty(pending.GetProperty("accepted").EnumerateArray());
        Assert.Equal([id], pending.GetProperty("alreadyPending").EnumerateArray().Select(e => e.GetString()));
        Assert.Null(again.Headers.Location);
    }

    [Fact]
    public async Task Should_answer_400_listing_the_unknown_ids_when_another_tenants_error_is_asked_to_resync()
    {
        var owner = SyncFailures.NewTenant("resync-owner");
        var error = Assert.Single(await host.SeedAsync(owner, [SyncFailures.ToSalesforce(owner, "902", SyncFailures.InvalidEmail)], expectedErrors: 1));
        var id = error.GetProperty("id").GetString()!;

        using var response = await host.SendJsonAsync(HttpMethod.Post, ProbedStandalone.TenantPath(SyncFailures.NewTenant("resync-thief"), "resync"), host.AdminKey, JsonSerializer.Serialize(new { errorIds = new[] { id } }));

        var problem = await Problems.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal([id], problem.GetProperty("unknownErrorIds").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("open", Assert.Single(await host.ErrorsAsync(owner)).GetProperty("state").GetString());
    }

    [Fact]
    [SupportedOSPlatform("linux")]
    public async Task Should_keep_the_data_folder_and_the_store_files_to_their_owner()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "Unix file modes are checked on Linux.");
        var tenant = SyncFailures.NewTenant("files");
        await host.SeedAsync(tenant, [SyncFailures.ToSalesforce(tenant, "903", SyncFailures.InvalidEmail)], expectedErrors: 1);

        var folder = host.Server.DataDir;
        var files = Directory.GetFiles(folder, "*", SearchOption.AllDirectories);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
        Assert.Contains(files, f => f.EndsWith("-wal", StringComparison.Ordinal));
        Assert.All(files, f => Assert.True(File.GetUnixFileMode(f) == (UnixFileMode.UserRead | UnixFileMode.UserWrite), $"{Path.GetFileName(f)} is {File.GetUnixFileMode(f)}."));
        Assert.All(Directory.GetDirectories(folder, "*", SearchOption.AllDirectories), d => Assert.Equal(UnixFileMode.None, File.GetUnixFileMode(d) & ~(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute)));
    }
}
