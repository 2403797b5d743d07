using System.Diagnostics;
using System.Text;
using EventSync.Testing.Hosts;

namespace EventSync.Pipeline.Benchmarks.Infrastructure;

/// <summary>A built service run with <c>dotnet</c> as a child process, settings passed as environment variables.</summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    private const int KeptOutputChars = 20_000;

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ChildProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>The last of its standard output and error, for a failure message.</summary>
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

    public static ChildProcess Start(string project, string workingDirectory, IReadOnlyDictionary<string, string> environment)
    {
        var assembly = ServiceBuildOutput.AssemblyOf(project);
        if (!File.Exists(assembly))
        {
            throw new FileNotFoundException($"{assembly} is not built: build this project in {ServiceBuildOutput.Configuration} first.", assembly);
        }

        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(assembly);
        foreach (var name in new[] { "ConnectionStrings__rabbitmq", "ConnectionStrings__mongodb", "ASPNETCORE_URLS" })
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start };
        var child = new ChildProcess(process);
        process.OutputDataReceived += (_, e) => child.Append(e.Data);
        process.ErrorDataReceived += (_, e) => child.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await _process.WaitForExitAsync(timeout.Token);
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
            if (_output.Length > KeptOutputChars)
            {
                _output.Remove(0, _output.Length - KeptOutputChars);
            }
        }
    }
}
