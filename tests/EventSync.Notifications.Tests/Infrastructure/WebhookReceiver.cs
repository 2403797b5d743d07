using System.Collections.Concurrent;
using EventSync.Testing.Hosts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace EventSync.Notifications.Tests.Infrastructure;

/// <summary>
/// A real HTTP receiver in the test process (Kestrel on 127.0.0.1, a port of its own): records every request (headers
/// and body bytes) and answers each with the next of a scripted list of statuses, then with <see cref="ThenStatus"/>.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ScriptedAnswer> _script = new();
    private readonly ConcurrentQueue<ReceivedWebhook> _received = new();
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();

    private WebhookReceiver(WebApplication app) => _app = app;

    /// <summary>The address to post to (<c>http://127.0.0.1:port/hooks/in</c>).</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>The answer once the script is used up.</summary>
    public int ThenStatus { get; set; } = 200;

    public IReadOnlyList<ReceivedWebhook> Received => [.. _received];

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hooks/in", receiver.AnswerAsync);
        await app.StartAsync(TestContext.Current.CancellationToken);
        receiver.Url = new Uri(TestHosts.Address(app), "/hooks/in");
        return receiver;
    }

    /// <summary>Answers the next requests with these, in order (a 429 with its <c>Retry-After</c> seconds, say).</summary>
    public void Script(params ScriptedAnswer[] answers)
    {
        foreach (var answer in answers)
        {
            _script.Enqueue(answer);
        }
    }

    public async ValueTask DisposeAsync() => await TestHosts.StopAsync(_app);

    private async Task AnswerAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        _received.Enqueue(new ReceivedWebhook(headers, body.ToArray(), _clock.Elapsed));
        var answer = _script.TryDequeue(out var next) ? next : new ScriptedAnswer(ThenStatus);
        if (answer.AnswerAfter > TimeSpan.Zero)
        {
            // The receiver being slow, not the test waiting: the sender's time-out ends the request first.
            await Task.Delay(answer.AnswerAfter, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        context.Response.StatusCode = answer.Status;
        if (answer.RetryAfterSeconds is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        await context.Response.WriteAsync($"answer {answer.Status}", context.RequestAborted);
    }
}
