using System.Net;
using EventSync.Api.Queries;
using EventSync.Api.Tests.Infrastructure;
using EventSync.Testing;
using EventSync.Testing.Http;

namespace EventSync.Api.Tests;

/// <summary><c>POST /api/failures</c> checks the key before it reads a byte of the body, and keeps its problem documents short.</summary>
public sealed class FailureIngestionRefusalTests(ApiHost host)
{
    [Theory]
    [InlineData(null)]
    [InlineData("not-a-key")]
    public async Task Should_answer_401_before_reading_the_body_when_the_key_opens_no_tenant(string? key)
    {
        // Far larger than any cap: read before the key check, it would end in 413 (or worse), never in 401.
        var body = ChunkedRequest.Repeating("[", "{\"tenantId\":42}", 64L * 1024 * 1024, "]");

        using var response = await ChunkedRequest.SendAsync(host.Http.BaseAddress!, HttpMethod.Post, "/api/failures", key, body, TestContext.Current.CancellationToken);

        var problem = await Problems.ReadAsync(response, HttpStatusCode.Unauthorized);
        Assert.False(problem.TryGetProperty("errors", out _), problem.GetRawText());
    }

    [Fact]
    public async Task Should_answer_401_when_a_tenant_key_sends_events_of_another_tenant()
    {
        var failure = SyncFailures.ToSalesforce(ApiHost.Globex, "7101", SyncFailures.InvalidEmail);

        using var response = await host.SendAsync(HttpMethod.Post, "/api/failures", host.TenantKeys[ApiHost.Acme], failure);

        await Problems.ReadAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Should_list_at_most_twenty_problems_and_count_the_rest_when_many_events_are_invalid()
    {
        const int Events = 1000;
        var body = "[" + string.Join(',', Enumerable.Repeat("{\"tenantId\":\"\",\"occurredAt\":\"not a date\"}", Events)) + "]";

        using var response = await host.SendRawAsync(HttpMethod.Post, "/api/failures", host.AdminKey, body);

        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var problem = await Problems.ReadAsync(response, HttpStatusCode.BadRequest);
        var listed = problem.GetProperty("errors").EnumerateObject().Sum(f => f.Value.GetArrayLength());
        Assert.Equal(ValidationProblems.MaxListed, listed);
        Assert.True(problem.GetProperty(ValidationProblems.OmittedMember).GetInt32() >= Events - ValidationProblems.MaxListed, text);
        Assert.True(text.Length < 16 * 1024, $"The problem document has {text.Length} characters.");
    }

    [Fact]
    public async Task Should_list_every_problem_without_a_count_when_there_are_few()
    {
        using var response = await host.SendRawAsync(HttpMethod.Post, "/api/failures", host.AdminKey, "[{}, 42]");

        var problem = await Problems.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("[1]", out _), problem.GetRawText());
        Assert.False(problem.TryGetProperty(ValidationProblems.OmittedMember, out _), problem.GetRawText());
    }
}
