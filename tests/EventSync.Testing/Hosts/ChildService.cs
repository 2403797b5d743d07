using System.Diagnostics;
using System.Globalization;
using System.Text;
using Xunit;

namespace EventSync.Testing.Hosts;

/// <summary>
/// A built service (<c>EventSync.Standalone</c>, <c>EventSync.Classifier</c>, ...) run with <c>dotnet</c> as a child
/// process, as it is deployed, or another program (an example engine): its output captured, killed outright (SIGKILL)
/// or stopped as an orchestrator stops it (SIGTERM). It runs only with what it is given: no broker, store, address or key
/// is handed down from the test's own environment.
/// </summary>
public sealed class ChildService : IAsyncDisposable
{
    // The tail kept for failure messages and output checks; a long benchmark run would otherwise grow without bound.
    private const int KeptOutputChars = 1_000_000;

    private const int MaxLines = 100_000;

    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(40);

    private static readonly string[] NotHandedDown =
        ["ConnectionStrings__rabbitmq", "ConnectionStrings__mongodb", "EventSync__Api__AdminKey", "ASPNETCORE_URLS"];

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly List<string> _lines = [];

    private ChildService(Process process) => _process = process;

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Its standard output and error so far (the last <see cref="KeptOutputChars"/> characters), as they arrived.</summary>
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

    /// <summary>The lines written to standard output so far (a program that answers in lines).</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_output)
            {
                return [.. _lines];
            }
        }
    }

    /// <summary>
    /// Starts <paramref name="service"/>'s built assembly in <paramref name="workingDirectory"/> with
    /// <paramref name="arguments"/> (settings as <c>--Key=value</c>) and <paramref name="environment"/> (settings as
    /// <c>Key__Sub</c> variables).
    /// </summary>
    public static ChildService Start(
        string service, string workingDirectory, IEnumerable<string>? arguments = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var assembly = ServiceBuildOutput.AssemblyOf(service);
        if (!File.Exists(assembly))
        {
            throw new FileNotFoundException($"{assembly} is not built: build {service} in {ServiceBuildOutput.Configuration} first.", assembly);
        }

        return StartProgram(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", workingDirectory, [assembly, .. arguments ?? []], environment);
    }

    /// <summary>Starts <paramref name="program"/> (found on the PATH) with <paramref name="arguments"/>, as <see cref="Start"/> starts a service.</summary>
    public static ChildService StartProgram(
        string program, string workingDirectory, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in NotHandedDown)
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start };
        var child = new ChildService(process);
        process.OutputDataReceived += (_, e) => child.Append(e.Data, standardOutput: true);
        process.ErrorDataReceived += (_, e) => child.Append(e.Data, standardOutput: false);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>SIGKILL: no shutdown code runs; waits until it has exited and its output is read to the end.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await WaitForExitAsync();
    }

    /// <summary>SIGTERM: the host stops its bus (finishing what it started) and closes its store, then exits.</summary>
    public async Task TerminateAsync()
    {
        if (!_process.HasExited)
        {
            using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", _process.Id.ToString(CultureInfo.InvariantCulture) } })!;
            await kill.WaitForExitAsync();
        }

        await WaitForExitAsync();
    }

    /// <summary>Waits for a program to end by itself: its exit code; fails the test when it does not within <paramref name="timeout"/>.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"The program did not exit within {timeout.TotalSeconds:0} s. Output:\n{Output}");
        }

        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private async Task WaitForExitAsync()
    {
        using var timeout = new CancellationTokenSource(ExitTimeout);
        await _process.WaitForExitAsync(timeout.Token);
    }

    private void Append(string? line, bool standardOutput)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
            if (standardOutput && _lines.Count < MaxLines)
            {
                _lines.Add(line);
            }

            if (_output.Length > KeptOutputChars)
            {
                _output.Remove(0, _output.Length - KeptOutputChars);
            }
        }
    }
}
