namespace EventSync.Core.Classification;

internal sealed class ClassificationRulesDocument
{
    public List<ClassificationRuleEntry?>? Rules { get; set; }
}
