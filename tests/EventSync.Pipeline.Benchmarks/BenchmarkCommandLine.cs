using System.CommandLine;
using EventSync.Pipeline.Benchmarks.Pipeline;
using EventSync.Pipeline.Benchmarks.StoreScale;

namespace EventSync.Pipeline.Benchmarks;

internal static class BenchmarkCommandLine
{
    public static RootCommand Create() =>
        new("EventSync end-to-end benchmarks (long: not part of the test run).")
        {
            PipelineCommand.Create(),
            StoreScaleCommand.Create(),
            StoreAloneCommand.Create(),
        };
}
