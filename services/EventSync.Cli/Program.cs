using System.CommandLine;
using EventSync.Cli;

return await EventSyncCommandLine.Create(Console.In, Console.Out, Console.Error)
    .Parse(args)
    .InvokeAsync(new InvocationConfiguration { Output = Console.Out, Error = Console.Error });
