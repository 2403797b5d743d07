using System.CommandLine;

namespace EventSync.Pipeline.Benchmarks.StoreScale;

internal static class StoreScaleCommand
{
    public static Command Create()
    {
        var command = new Command("store-scale", "The embedded store at a million errors: fill rate, sync-health summary, first page, CSV export memory.");
        command.SetAction(_ => 0);
        return command;
    }
}
