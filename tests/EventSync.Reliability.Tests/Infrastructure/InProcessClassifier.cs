using EventSync.Classifier.Extensions;
using EventSync.ServiceDefaults.Hosting;
using EventSync.Testing.Hosts;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace EventSync.Reliability.Tests.Infrastructure;

/// <summary>The classifier's host as its Program.cs builds it (<c>AddClassifierWorker</c>), on a given broker and data directory, started in this process.</summary>
public static class InProcessClassifier
{
    /// <summary>
    /// <paramref name="services"/> may replace registrations (a store wrapper); <paramref name="settings"/> are extra
    /// command-line settings. The store is SQLite in <paramref name="dataDir"/>.
    /// </summary>
    public static async Task<RunningClassifier> StartAsync(
        Uri broker, string dataDir, DeliveryLog? deliveries, CancellationToken cancellationToken, Action<IServiceCollection>? services = null, params string[] settings) =>
        new(await TestHosts.StartAsync(
            () =>
            {
                var app = ServiceHost.Build(
                    TestHosts.Arguments([$"--ConnectionStrings:rabbitmq={broker}", $"--EventSync:DataDir={dataDir}", .. settings]),
                    builder =>
                    {
                        builder.AddClassifierWorker();
                        services?.Invoke(builder.Services);
                    });
                if (deliveries is not null)
                {
                    app.Services.GetRequiredService<IBus>().ConnectReceiveObserver(deliveries);
                }

                return app;
            },
            cancellationToken));
}
