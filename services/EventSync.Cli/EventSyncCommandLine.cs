using System.CommandLine;
using EventSync.Cli.BulkResults;
using EventSync.Cli.Catalog;
using EventSync.Cli.Classify;
using EventSync.Cli.Errors;

namespace EventSync.Cli;

/// <summary>The <c>eventsync</c> command tree. Streams are passed in so that tests run the real commands.</summary>
internal static class EventSyncCommandLine
{
    public static RootCommand Create(StandardStreams streams)
    {
        var root = new RootCommand("EventSync: turns CRM sync failures (HubSpot <-> Salesforce) into classified, actionable errors.");
        root.Subcommands.Add(ClassifyCommand.Create(streams));
        root.Subcommands.Add(CatalogCommand.Create(streams.Out));
        root.Subcommands.Add(ImportBulkResultsCommand.Create(streams.Out, streams.Error));
        root.Subcommands.Add(ErrorsCommand.Create(streams.Out, streams.Error));
        return root;
    }
}
