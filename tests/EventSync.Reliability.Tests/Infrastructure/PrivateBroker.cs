using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using EventSync.Testing.Hosts;

namespace EventSync.Reliability.Tests.Infrastructure;

/// <summary>
/// A RabbitMQ node of one test's own, started from the machine's Debian RabbitMQ installation: its own node name, AMQP and
/// distribution ports, no plugins (so no management listener), configuration, data and logs in a temporary directory. A
/// fault test stops and starts it at will without touching the shared broker other test runs use. The node runs in the
/// foreground as a child process, so that whatever happens it can be killed; <see cref="DisposeAsync"/> stops it, kills
/// what is left and deletes the directory.
/// </summary>
public sealed class PrivateBroker : IAsyncDisposable
{
    public const string ServerScript = "/usr/lib/rabbitmq/bin/rabbitmq-server";
    public const string ControlScript = "/usr/lib/rabbitmq/bin/rabbitmqctl";

    public const string SkipReason =
        $"RabbitMQ is not installed on this machine ({ServerScript}): the tests that stop and restart a broker or kill the classifier run a private node of it (apt-get install rabbitmq-server)";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "eventsync-tests", $"rabbitmq-{Guid.NewGuid():N}");
    private readonly StringBuilder _output = new();
    private Process? _server;

    private PrivateBroker()
    {
        NodeName = $"eventsync-tests-{Guid.NewGuid().ToString("N")[..8]}@{Environment.MachineName.Split('.')[0]}";
        AmqpPort = FreePorts.Next();
        DistributionPort = FreePorts.Next();
    }

    public static bool IsInstalled => File.Exists(ServerScript) && File.Exists(ControlScript);

    public string NodeName { get; }

    public int AmqpPort { get; }

    public int DistributionPort { get; }

    public Uri Uri => new($"amqp://guest:guest@127.0.0.1:{AmqpPort}/");

    /// <summary>How long each start and stop took, in order: the figures a fault test reports.</summary>
    public List<(string What, TimeSpan Took)> Timings { get; } = [];

    /// <summary>What the node wrote to standard output and error so far (its log), for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<PrivateBroker> StartAsync(CancellationToken cancellationToken)
    {
        var broker = new PrivateBroker();
        try
        {
            Directory.CreateDirectory(broker._directory);
            await File.WriteAllTextAsync(Path.Combine(broker._directory, "enabled_plugins"), "[].", cancellationToken);
            await File.WriteAllTextAsync(Path.Combine(broker._directory, "rabbitmq.conf"), "loopback_users.guest = true\n", cancellationToken);
            await File.WriteAllTextAsync(Path.Combine(broker._directory, "rabbitmq-env.conf"), "", cancellationToken);
            await broker.StartNodeAsync(cancellationToken);
            return broker;
        }
        catch
        {
            await broker.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts the node (again) on the same data directory: durable queues and persistent messages are still there.</summary>
    public async Task StartNodeAsync(CancellationToken cancellationToken)
    {
        if (_server is { HasExited: false })
        {
            throw new InvalidOperationException($"{NodeName} is already running.");
        }

        _server?.Dispose();
        var clock = Stopwatch.StartNew();
        _server = StartProcess(ServerScript);
        await WaitForAmqpListenerAsync(cancellationToken);
        await ControlAsync(cancellationToken, "await_startup", "--timeout", "60");
        Record("start", clock.Elapsed);
    }

    /// <summary>Stops the node as an operator would (<c>rabbitmqctl stop</c>) and waits until its process has exited.</summary>
    public async Task StopNodeAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await ControlAsync(cancellationToken, "stop");
        if (_server is not null)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(StopTimeout);
            await _server.WaitForExitAsync(timeout.Token);
        }

        Record("stop", clock.Elapsed);
    }

    /// <summary>Kills the node outright (SIGKILL), as a crash or an out-of-memory killer would: nothing of it shuts down cleanly.</summary>
    public async Task KillNodeAsync()
    {
        var clock = Stopwatch.StartNew();
        if (_server is { HasExited: false })
        {
            _server.Kill(entireProcessTree: true);
            using var timeout = new CancellationTokenSource(StopTimeout);
            await _server.WaitForExitAsync(timeout.Token);
        }

        Record("kill", clock.Elapsed);
    }

    /// <summary>Makes this running node a member of <paramref name="first"/>'s cluster (its own data is reset).</summary>
    public async Task JoinClusterAsync(PrivateBroker first, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(first);
        await ControlAsync(cancellationToken, "stop_app");
        await ControlAsync(cancellationToken, "join_cluster", first.NodeName);
        await ControlAsync(cancellationToken, "start_app");
        await ControlAsync(cancellationToken, "await_startup", "--timeout", "60");
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is { HasExited: false })
        {
            try
            {
                await StopNodeAsync(CancellationToken.None);
            }
            catch (Exception e) when (e is InvalidOperationException or OperationCanceledException or IOException)
            {
                // Killed below.
            }
        }

        if (_server is { HasExited: false })
        {
            _server.Kill(entireProcessTree: true);
            await _server.WaitForExitAsync(CancellationToken.None);
        }

        _server?.Dispose();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private void Record(string what, TimeSpan took)
    {
        lock (Timings)
        {
            Timings.Add((what, took));
        }
    }

    private Process StartProcess(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo(script)
        {
            WorkingDirectory = _directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The variables Debian's RabbitMQ 3.10 scripts honour: nothing of the machine's own node is shared but epmd.
        start.Environment["RABBITMQ_NODENAME"] = NodeName;
        start.Environment["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1";
        start.Environment["RABBITMQ_NODE_PORT"] = AmqpPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["RABBITMQ_DIST_PORT"] = DistributionPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(_directory, "rabbitmq-env.conf");
        start.Environment["RABBITMQ_CONFIG_FILE"] = Path.Combine(_directory, "rabbitmq.conf");
        start.Environment["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(_directory, "enabled_plugins");
        start.Environment["RABBITMQ_MNESIA_BASE"] = Path.Combine(_directory, "mnesia");
        start.Environment["RABBITMQ_LOG_BASE"] = Path.Combine(_directory, "log");
        start.Environment["ERL_CRASH_DUMP"] = Path.Combine(_directory, "erl_crash.dump");

        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Runs <c>rabbitmqctl</c> on this node with <paramref name="arguments"/> and fails on a non-zero exit code.</summary>
    public async Task ControlAsync(CancellationToken cancellationToken, params string[] arguments)
    {
        using var control = StartProcess(ControlScript, ["-n", NodeName, .. arguments]);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StartTimeout);
        try
        {
            await control.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            control.Kill(entireProcessTree: true);
            throw;
        }

        if (control.ExitCode != 0)
        {
            throw new InvalidOperationException($"rabbitmqctl {string.Join(' ', arguments)} on {NodeName} exited with {control.ExitCode}:\n{Output}");
        }
    }

    /// <summary>Polls the node's AMQP port until it accepts connections (then the node is registered and answers rabbitmqctl).</summary>
    private async Task WaitForAmqpListenerAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            using (var client = new TcpClient())
            {
                try
                {
                    await client.ConnectAsync(IPAddress.Loopback, AmqpPort, cancellationToken);
                    return;
                }
                catch (SocketException) when (clock.Elapsed < StartTimeout && _server is { HasExited: false })
                {
                    // Not listening yet.
                }
                catch (SocketException e)
                {
                    throw new InvalidOperationException($"{NodeName} did not open port {AmqpPort} within {StartTimeout.TotalSeconds:0} s:\n{Output}", e);
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
