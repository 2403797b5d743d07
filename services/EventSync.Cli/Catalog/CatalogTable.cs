using EventSync.Core.Catalog;
using Spectre.Console;

namespace EventSync.Cli.Catalog;

/// <summary>Renders the catalog as a table, wide enough to read when written to a file or a pipe.</summary>
internal static class CatalogTable
{
    private const int RedirectedWidth = 200;

    public static void Write(LocalizedCatalog catalog, TextWriter output)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = ColorSystemSupport.Detect,
        });
        if (console.Profile.Out.IsTerminal is false)
        {
            console.Profile.Width = RedirectedWidth;
        }

        var table = new Table().Border(TableBorder.Simple)
            .AddColumn("category")
            .AddColumn("error type")
            .AddColumn(catalog.Language == "pl" ? "tytuł" : "title")
            .AddColumn(catalog.Language == "pl" ? "co zrobić" : "fix");
        foreach (var category in catalog.Categories)
        {
            foreach (var type in category.ErrorTypes)
            {
                table.AddRow(Markup.Escape(category.Id), Markup.Escape(type.Id), Markup.Escape(type.Title), Markup.Escape(type.Fix));
            }
        }

        console.Write(table);
        console.WriteLine($"{catalog.Categories.Sum(c => c.ErrorTypes.Count)} error types in {catalog.Categories.Count} categories.");
    }
}
