using System.CommandLine;
using EventSync.Core.Validation;
using RabbitMQ.Client.Exceptions;

namespace EventSync.Cli.Errors;

internal static class RequeueCommand
{
    public static Command Create(TextWriter output, TextWriter errors)
    {
        var queue = new Option<string>("--queue", "-q")
        {
            Description = "The error queue to empty, e.g. sync-failure-reported_error.",
            Required = true,
        };
        var broker = new Option<string?>("--broker")
        {
            Description = $"The broker's amqp:// address; else {BrokerAddress.EnvironmentVariable}, else {BrokerAddress.ConnectionStringVariable}.",
        };
        var clusterNodes = new Option<string[]>("--cluster-node")
        {
            Description = $"A node of the broker's cluster as host:port, once per node, tried in order with the credentials and virtual host of the broker's address; else {BrokerAddress.ClusterNodeVariables}0, 1, ...",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var target = new Option<string?>("--to")
        {
            Description = "The queue to move the messages to; by default the error queue's name without _error (or _skipped).",
        };
        var max = new Option<int?>("--max")
        {
            Description = "Move at most this many messages (oldest first).",
        };
        max.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 1)
            {
                result.AddError("--max must be 1 or more.");
            }
        });
        var dryRun = new Option<bool>("--dry-run")
        {
            Description = "Only say how many messages would move; change nothing.",
        };

        var command = new Command("requeue", "Move messages from an error queue back to the queue they failed on, fault headers removed, each acknowledged only once the broker has confirmed its copy. Exit code 1 on any problem.")
        {
            queue, broker, clusterNodes, target, max, dryRun,
        };

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var errorQueue = parseResult.GetValue(queue)!;
            var targetQueue = parseResult.GetValue(target) ?? RequeueOptions.SourceOf(errorQueue);
            var address = BrokerAddress.Resolve(parseResult.GetValue(broker), Environment.GetEnvironmentVariable);
            var nodes = BrokerAddress.ResolveClusterNodes(parseResult.GetValue(clusterNodes) ?? [], Environment.GetEnvironmentVariable);
            if ((Problem(errorQueue, targetQueue, address) ?? NodeProblem(nodes)) is { } problem)
            {
                await errors.WriteLineAsync(problem);
                return 1;
            }

            var options = new RequeueOptions(errorQueue, targetQueue!, parseResult.GetValue(max), parseResult.GetValue(dryRun));
            try
            {
                var brokerUri = new Uri(address!);
                var summary = await new ErrorQueueRequeuer(brokerUri, [.. nodes.Select(node => HostAndPort.TryParse(node, out var parsed) ? parsed : default)]).RunAsync(options, cancellationToken);
                await output.WriteLineAsync(Describe(options, summary, BrokerAddress.Redact(brokerUri)));
                return 0;
            }
            catch (RequeueFailedException e)
            {
                await errors.WriteLineAsync(e.Message);
                return 1;
            }
            catch (OperationInterruptedException e)
            {
                await errors.WriteLineAsync($"The broker closed the channel: {e.ShutdownReason?.ReplyText ?? e.Message}");
                return 1;
            }
        });
        return command;
    }

    private static string? Problem(string errorQueue, string? targetQueue, string? address) =>
        targetQueue is null ? $"'{errorQueue}' does not end in _error or _skipped: say where its messages go with --to."
        : targetQueue == errorQueue ? "--to names the error queue itself: nothing would move."
        : address is null ? $"No broker: pass --broker amqp://... or set {BrokerAddress.EnvironmentVariable}."
        : !Uri.TryCreate(address, UriKind.Absolute, out var uri) || uri.Scheme is not ("amqp" or "amqps") ? "The broker address is not an amqp:// or amqps:// URI."
        : null;

    private static string? NodeProblem(IEnumerable<string> nodes) =>
        nodes.FirstOrDefault(node => !HostAndPort.TryParse(node, out _)) is { } bad ? $"Cluster node '{bad}' is not host:port (a port from 1 to 65535)." : null;

    private static string Describe(RequeueOptions options, RequeueSummary summary, string broker) =>
        options.DryRun
            ? $"Dry run: would move {summary.Moved} of {summary.HeldAtStart} message(s) from {options.ErrorQueue} to {options.TargetQueue} on {broker}."
            : $"Moved {summary.Moved} of {summary.HeldAtStart} message(s) from {options.ErrorQueue} to {options.TargetQueue} on {broker}.";
}
