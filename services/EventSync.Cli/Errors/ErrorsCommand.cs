using System.CommandLine;

namespace EventSync.Cli.Errors;

/// <summary><c>eventsync errors</c>: operator commands on the error queues MassTransit fills.</summary>
internal static class ErrorsCommand
{
    public static Command Create(TextWriter output, TextWriter errors) =>
        new("errors", "Work with the RabbitMQ error queues of the EventSync services.")
        {
            RequeueCommand.Create(output, errors),
        };
}
