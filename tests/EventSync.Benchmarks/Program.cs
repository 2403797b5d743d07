using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using EventSync.Benchmarks;

if (args is ["cli", ..])
{
    return await CliThroughput.RunAsync(args[1..]);
}

// Reports land beside this project (BenchmarkDotNet.Artifacts/), not in the folder the command runs from.
var artifacts = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "BenchmarkDotNet.Artifacts");
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, DefaultConfig.Instance.WithArtifactsPath(Path.GetFullPath(artifacts)));
return 0;
