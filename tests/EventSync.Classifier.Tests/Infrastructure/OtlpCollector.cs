using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace EventSync.Classifier.Tests.Infrastructure;

/// <summary>
/// Stands in for an OpenTelemetry collector: takes OTLP over HTTP (protobuf) on a loopback port of its own and keeps each
/// export's path (<c>/v1/traces</c>, <c>/v1/metrics</c>) and body.
/// </summary>
public sealed class OtlpCollector : IAsyncDisposable
{
    private readonly ConcurrentQueue<(string Path, byte[] Body)> _exports = new();
    private readonly WebApplication _app;

    private OtlpCollector(WebApplication app) => _app = app;

    public Uri Address => new(_app.Urls.Single());

    public IReadOnlyCollection<(string Path, byte[] Body)> Exports => _exports;

    public static async Task<OtlpCollector> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var collector = new OtlpCollector(app);
        app.MapPost("/v1/{signal}", async (HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, context.RequestAborted);
            collector._exports.Enqueue((context.Request.Path, body.ToArray()));
            return Results.Ok();
        });
        await app.StartAsync(cancellationToken);
        return collector;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
