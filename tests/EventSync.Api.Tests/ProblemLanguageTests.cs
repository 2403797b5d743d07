using System.Net;
using EventSync.Api.Tests.Infrastructure;
using EventSync.Core.Usage;
using EventSync.Testing;
using EventSync.Testing.Http;
using Microsoft.Extensions.DependencyInjection;

namespace EventSync.Api.Tests;

/// <summary>Problem titles and field messages in the language <c>Accept-Language</c> asks for: Polish, or English for anything else.</summary>
public sealed class ProblemLanguageTests(ApiHost host)
{
    private const string EnglishTitle = "The API allocation is not valid; nothing was saved.";
    private const string PolishTitle = "Przypisanie wywołań API jest nieprawidłowe; niczego nie zapisano.";

    [Theory]
    [InlineData("pl")]
    [InlineData("pl-PL")]
    [InlineData("de, pl;q=0.8, en;q=0.5")]
    public async Task Should_answer_with_the_polish_title_and_field_message_when_the_request_asks_for_polish(string acceptLanguage)
    {
        using var response = await PutAllocationAsync(SyncFailures.NewTenant("language-pl"), """{"allocatedToHubSpot":-1}""", acceptLanguage);

        var problem = await Problems.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(PolishTitle, problem.GetProperty("title").GetString());
        Assert.Equal(
            "Musi to być liczba całkowita wywołań API na dzień, 0 lub więcej, albo null, aby wyczyścić przypisanie; podano -1.",
            Assert.Single(problem.GetProperty("errors").GetProperty("allocatedToHubSpot").EnumerateArray()).GetString());
        Assert.Equal(["pl"], response.Content.Headers.ContentLanguage);
        Assert.Contains("Accept-Language", response.Headers.Vary);
    }

    [Theory]
    [InlineData("de")]
    [InlineData("de-DE, fr;q=0.8")]
    [InlineData(null)]
    public async Task Should_answer_in_english_when_the_request_asks_for_no_language_the_api_speaks(string? acceptLanguage)
    {
        using var response = await PutAllocationAsync(SyncFailures.NewTenant("language-en"), """{"allocatedToHubSpot":-1}""", acceptLanguage);

        var problem = await Problems.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(EnglishTitle, problem.GetProperty("title").GetString());
        Assert.Equal(
            "Must be a whole number of API calls a day, 0 or more, or null to clear the allocation; got -1.",
            Assert.Single(problem.GetProperty("errors").GetProperty("allocatedToHubSpot").EnumerateArray()).GetString());
        Assert.Equal(["en"], response.Content.Headers.ContentLanguage);
        Assert.Contains("Accept-Language", response.Headers.Vary);
    }

    [Fact]
    public async Task Should_say_the_salesforce_limit_in_polish_when_an_allocation_above_it_is_refused()
    {
        var tenant = SyncFailures.NewTenant("language-limit");
        await host.Services.GetRequiredService<IApiUsageStore>().SaveUsageAsync(tenant, 10, 15000, DateTimeOffset.UtcNow, TestContext.Current.CancellationToken);

        using var response = await PutAllocationAsync(tenant, """{"allocatedToHubSpot":15001}""", "pl");

        Assert.Equal(
            "Najwyżej 15000, tyle wynosi dzienny limit wywołań API Salesforce tego klienta; 15001 to więcej.",
            Assert.Single(await Problems.FieldAsync(response, "allocatedToHubSpot")));
    }

    [Fact]
    public async Task Should_answer_a_request_without_a_key_in_polish()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, TenantErrors.Path(SyncFailures.NewTenant("language-401"), "sync-health"));
        request.Headers.AcceptLanguage.ParseAdd("pl");

        using var response = await host.Http.SendAsync(request, TestContext.Current.CancellationToken);

        var problem = await Problems.ReadAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("Brak autoryzacji", problem.GetProperty("title").GetString());
        Assert.StartsWith("Wyślij prawidłowy klucz API", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(["pl"], response.Content.Headers.ContentLanguage);
    }

    private async Task<HttpResponseMessage> PutAllocationAsync(string tenant, string json, string? acceptLanguage)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, TenantErrors.Path(tenant, "api-allocation"))
        {
            Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(ApiHost.ApiKeyHeader, host.AdminKey);
        if (acceptLanguage is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        }

        return await host.Http.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
