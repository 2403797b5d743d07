using System.Diagnostics;
using System.Text;
using EventSync.Testing.Hosts;

namespace EventSync.Standalone.Tests.Infrastructure;

/// <summary>The built <c>EventSync.Standalone.dll</c> run with <c>dotnet</c> as a child process, its output captured.</summary>
public sealed class StandaloneProcess : IAsyncDisposable
{

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private StandaloneProcess(Process process) => _process = process;

    public bool HasExited => _process.HasExited;

    /// <summary>Standard output and error so far, interleaved as they arrived.</summary>
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

    public static StandaloneProcess Start(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(ServiceBuildOutput.AssemblyOf("EventSync.Standalone"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The child must run as a newcomer runs it: no broker, store or key handed down from the test environment.
        foreach (var name in new[] { "ConnectionStrings__rabbitmq", "ConnectionStrings__mongodb", "EventSync__Api__AdminKey", "ASPNETCORE_URLS" })
        {
            start.Environment.Remove(name);
        }

        var process = new Process { StartInfo = start };
        var running = new StandaloneProcess(process);
        process.OutputDataReceived += (_, e) => running.Append(e.Data);
        process.ErrorDataReceived += (_, e) => running.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return running;
    }

    /// <summary>Kills the process and waits until it has exited and its output is read to the end.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await _process.WaitForExitAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
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
