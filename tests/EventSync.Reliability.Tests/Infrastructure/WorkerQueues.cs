using System.Text.Json;
using EventSync.Testing.Hosts;

namespace EventSync.Reliability.Tests.Infrastructure;

/// <summary>
/// The queues the worker services consume, as the broker definitions file provisions them
/// (<c>infra/rabbitmq/definitions.json</c>, which a test keeps equal to what the services declare): every queue but the
/// error, skipped and dead-letter queues.
/// </summary>
public static class WorkerQueues
{
    public static IReadOnlyList<string> FromDefinitions()
    {
        using var definitions = JsonDocument.Parse(File.ReadAllText(Path.Combine(ServiceBuildOutput.Repository, "infra", "rabbitmq", "definitions.json")));
        return
        [
            .. definitions.RootElement.GetProperty("queues").EnumerateArray()
                .Select(queue => queue.GetProperty("name").GetString()!)
                .Where(name => !name.EndsWith("_error", StringComparison.Ordinal) && !name.EndsWith("_skipped", StringComparison.Ordinal) && !name.StartsWith("eventsync.", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal),
        ];
    }
}
