using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace EventSync.Classifier.Tests.Infrastructure;

/// <summary>
/// A Serilog sink that keeps every event a host writes; registered as an <see cref="ILogEventSink"/> service, which the
/// host's Serilog set-up reads from the container beside the console sink.
/// </summary>
public sealed class CapturedLogEvents : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> _events = new();

    public IReadOnlyCollection<LogEvent> Events => _events;

    public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);

    /// <summary>Everything an event would put in a log: the rendered message, its properties and its exception.</summary>
    public static string Everything(LogEvent logEvent)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        return string.Join(
            '\n',
            [logEvent.RenderMessage(System.Globalization.CultureInfo.InvariantCulture), .. logEvent.Properties.Select(p => $"{p.Key}={p.Value}"), logEvent.Exception?.ToString() ?? ""]);
    }
}
