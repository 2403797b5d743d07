using System.CommandLine;
using System.Text.Json;
using EventSync.Core.Catalog;

namespace EventSync.Cli.Catalog;

internal static class CatalogCommand
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create(TextWriter output)
    {
        var language = new Option<string>("--lang", "-l")
        {
            Description = "Language of titles, meanings and fixes.",
            DefaultValueFactory = _ => "en",
        };
        language.AcceptOnlyFromAmong([.. LocalizedText.Languages]);

        var format = new Option<string>("--format", "-f")
        {
            Description = "Output format.",
            DefaultValueFactory = _ => "table",
        };
        format.AcceptOnlyFromAmong("table", "json");

        var command = new Command("catalog", "Show the error taxonomy: categories and error types with what they mean and how to fix them.")
        {
            language,
            format,
        };

        command.SetAction(parseResult =>
        {
            var catalog = LocalizedCatalog.From(ErrorCatalog.Default, parseResult.GetValue(language));
            if (parseResult.GetValue(format) == "json")
            {
                output.WriteLine(JsonSerializer.Serialize(catalog, JsonOptions));
            }
            else
            {
                CatalogTable.Write(catalog, output);
            }

            output.Flush();
            return 0;
        });
        return command;
    }
}
