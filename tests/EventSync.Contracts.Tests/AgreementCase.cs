namespace EventSync.Contracts.Tests;

/// <summary>A message whose verdict the schema and the service must share, unless <see cref="Unstatable"/> names why not.</summary>
internal sealed record AgreementCase(string Name, string SchemaFile, string Json, Unstatable Unstatable = Unstatable.None)
{
    /// <summary>The service refuses what the schema accepts (a rule no keyword states), or the reverse (a spelling it forgives).</summary>
    public bool ServiceIsStricter => Unstatable is Unstatable.TimeWindow or Unstatable.ContextSize or Unstatable.FieldsStringNames;
}
