using EventSync.Standalone.Tests.Infrastructure;
using EventSync.Testing.Http;

namespace EventSync.Standalone.Tests.Adversarial;

/// <summary>
/// What a careless or hostile client does with the combined resync progress and the request's language on the real
/// process: lists of ids past the bound, ids of another tenant or full of control characters, and Accept-Language junk.
/// </summary>
public sealed class HostileProgressAndLanguageProbeTests(ProbedStandalone host) : IClassFixture<ProbedStandalone>
{
    [Fact]
    public async Task Should_answer_400_naming_request_id_when_the_progress_is_asked_for_more_than_100_requests()
    {
        var query = string.Join('&', Enumerable.Range(0, 101).Select(i => $"requestId=r{i}"));

        using var response = await host.GetAsync(ProbedStandalone.TenantPath(ProbedStandalone.Acme, $"resync-progress?{query}"), host.AdminKey);

        Assert.NotEmpty(await Problems.FieldAsync(response, "requestId"));
    }

    [Theory]
    [InlineData("r%00x")]
    [InlineData("r%0D%0ASet-Cookie:%20x=1")]
    [InlineData("..%2F..%2Fglobex")]
    public async Task Should_count_nothing_and_list_the_id_as_unknown_when_it_is_no_request_of_the_tenant(string requestId)
    {
        using var response = await host.GetAsync(ProbedStandalone.TenantPath(ProbedStandalone.Acme, $"resync-progress?requestId={requestId}"), host.AdminKey);

        var answer = await Problems.JsonAsync(response);
        Assert.Equal(1, answer.GetProperty("unknownRequestIds").GetArrayLength());
        Assert.All(answer.GetProperty("counts").EnumerateObject(), count => Assert.Equal(0, count.Value.GetInt32()));
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Theory]
    [InlineData("*")]
    [InlineData("pl;q=abc, xx-YY")]
    [InlineData("de-DE;q=0, pl;q=0")]
    [InlineData("\u0001\u0002")]
    public async Task Should_answer_in_english_when_the_language_asked_for_is_junk(string acceptLanguage)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, ProbedStandalone.TenantPath(ProbedStandalone.Acme, "resync-progress"));
        request.Headers.TryAddWithoutValidation("X-Api-Key", host.AdminKey);
        request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);

        using var response = await host.Anonymous.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.NotEmpty(await Problems.FieldAsync(response, "requestId"));
        Assert.Equal("en", Assert.Single(response.Content.Headers.ContentLanguage));
    }

    [Fact]
    public async Task Should_answer_in_english_when_the_language_header_lists_a_thousand_languages()
    {
        var header = string.Join(", ", Enumerable.Range(0, 1000).Select(i => $"x{i % 26 + 10:x}-{i};q=0.{i % 9 + 1}"));
        using var request = new HttpRequestMessage(HttpMethod.Get, ProbedStandalone.TenantPath(ProbedStandalone.Acme, "resync-progress"));
        request.Headers.TryAddWithoutValidation("X-Api-Key", host.AdminKey);
        request.Headers.TryAddWithoutValidation("Accept-Language", header);

        using var response = await host.Anonymous.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.NotEmpty(await Problems.FieldAsync(response, "requestId"));
        Assert.Equal("en", Assert.Single(response.Content.Headers.ContentLanguage));
    }
}
