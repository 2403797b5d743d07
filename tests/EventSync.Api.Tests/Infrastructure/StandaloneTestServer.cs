extern alias standalone;

using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using EventSync.Testing;
using EventSync.Testing.Hosts;
using EventSync.Testing.Http;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace EventSync.Api.Tests.Infrastructure;

/// <summary>
/// The standalone host's own entry point under <see cref="WebApplicationFactory{TEntryPoint}"/>, served by the
/// in-memory TestServer: in-memory bus, SQLite in a temporary directory, an admin key and one tenant key, quiet logs.
/// One error of <see cref="Tenant"/> is ingested through <c>POST /api/failures</c> and one view created, so that
/// every route has data to answer with.
/// </summary>
public sealed class StandaloneTestServer : WebApplicationFactory<standalone::Program>, IAsyncLifetime
{
    public const string Tenant = "initech-eu";
    public const string OtherTenant = "umbrella-us";

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private readonly TemporaryDataDir _dataDir = new();

    public string AdminKey { get; } = NewKey();

    public string TenantKey { get; } = NewKey();

    /// <summary>The id of the error ingested at start.</summary>
    public string ErrorId { get; private set; } = "";

    /// <summary>The id of the view of affected records created at start.</summary>
    public string ViewId { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        using var http = CreateClient();
        var cancellationToken = TestContext.Current.CancellationToken;
        var failure = SyncFailures.ToSalesforce(Tenant, "8866910", SyncFailures.InvalidEmail);
        using var ingested = await SendAsync(http, HttpMethod.Post, "/api/failures", AdminKey, JsonContent.Create(failure), cancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, ingested.StatusCode);
        var page = await Eventually.MatchesAsync(
            async () =>
            {
                using var response = await SendAsync(http, HttpMethod.Get, TenantErrors.Path(Tenant, "errors"), TenantKey, null, cancellationToken);
                return await Problems.JsonAsync(response);
            },
            p => p.GetProperty("items").GetArrayLength() > 0,
            Deadline,
            "the ingested failure is stored as an error");
        ErrorId = page.GetProperty("items")[0].GetProperty("id").GetString()!;
        using var view = await SendAsync(http, HttpMethod.Post, TenantErrors.Path(Tenant, "views"), TenantKey, JsonContent.Create(new { state = "open" }), cancellationToken);
        ViewId = (await Problems.JsonAsync(view, HttpStatusCode.Created)).GetProperty("id").GetString()!;
    }

    public static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, string path, string? key, HttpContent? content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (key is not null)
        {
            request.Headers.Add(ApiHost.ApiKeyHeader, key);
        }

        return await http.SendAsync(request, cancellationToken);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _dataDir.Dispose();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseSetting("EventSync:DataDir", _dataDir.Path);
        builder.UseSetting("EventSync:Api:AdminKey", AdminKey);
        builder.UseSetting($"EventSync:Api:TenantKeys:{Tenant}", TenantKey);
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Serilog:MinimumLevel:Override:MassTransit", "Warning");
    }

    private static string NewKey() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
