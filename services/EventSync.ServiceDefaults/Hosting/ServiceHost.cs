using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using EventSync.ServiceDefaults.Observability;
using Serilog;
using Serilog.Formatting.Compact;

namespace EventSync.ServiceDefaults.Hosting;

/// <summary>
/// Runs an EventSync host: a bootstrap logger first, then the host with the service defaults, and a fatal log line
/// (never an unlogged crash) when it cannot start.
/// </summary>
public static class ServiceHost
{
    public static async Task<int> RunAsync(string[] args, Action<WebApplicationBuilder> configure, Action<WebApplication>? map = null)
    {
        ArgumentNullException.ThrowIfNull(configure);
        Log.Logger = BootstrapLogger();
        try
        {
            var app = Build(args, configure, map);
            await app.RunAsync();
            return 0;
        }
        catch (Exception e) when (e is not HostAbortedException)
        {
            Log.Fatal(e, "The EventSync host stopped unexpectedly");
            return 1;
        }
        finally
        {
            await Log.CloseAndFlushAsync();
        }
    }

    /// <summary>Logs what happens before configuration is read, in the format the host will use (see <see cref="LogFormat"/>).</summary>
    private static Serilog.Extensions.Hosting.ReloadableLogger BootstrapLogger()
    {
        var logger = new LoggerConfiguration().Enrich.FromLogContext();
        return (LogFormat.IsJsonFromEnvironment()
                ? logger.WriteTo.Console(new CompactJsonFormatter())
                : logger.WriteTo.Console(LogFormat.TextFormatter()))
            .CreateBootstrapLogger();
    }

    /// <summary>The application, configured and mapped but not started (tests host it themselves).</summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder> configure, Action<WebApplication>? map = null)
    {
        ArgumentNullException.ThrowIfNull(configure);
        // Settings ship beside the binaries; data paths stay relative to the working directory.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.AddServiceDefaults();
        configure(builder);
        var app = builder.Build();
        app.MapDefaultEndpoints();
        map?.Invoke(app);
        return app;
    }
}
