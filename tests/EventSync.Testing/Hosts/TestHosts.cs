using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace EventSync.Testing.Hosts;

/// <summary>Starts and stops the real EventSync hosts that tests build with <c>ServiceHost.Build</c>.</summary>
public static class TestHosts
{
    // MassTransit keeps its log context in a static: hosts of one process start one at a time, each with a fresh one.
    private static readonly SemaphoreSlim StartGate = new(1, 1);

    /// <summary>Settings every test host gets: quiet logs (warnings and errors still show) and a port of its own.</summary>
    public static string[] Arguments(params string[] settings) =>
        ["--urls=http://127.0.0.1:0", "--Serilog:MinimumLevel:Default=Warning", "--Serilog:MinimumLevel:Override:MassTransit=Warning", .. settings];

    public static async Task<WebApplication> StartAsync(Func<WebApplication> build, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(build);
        await StartGate.WaitAsync(cancellationToken);
        try
        {
            LogContext.Current = null;
            var app = build();
            await app.StartAsync(cancellationToken);
            return app;
        }
        finally
        {
            StartGate.Release();
        }
    }

    public static Uri Address(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        return new Uri(addresses.Single());
    }

    public static async Task StopAsync(WebApplication? app)
    {
        if (app is null)
        {
            return;
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await app.StopAsync(timeout.Token);
        await app.DisposeAsync();
    }
}
