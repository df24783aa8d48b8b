using Marketplace.Core.Text;

namespace Marketplace.UnitTests.Integrity;

/// <summary>Issue 16, item 13: the one rule for names, titles and multi-line text.</summary>
public sealed class TextRulesTests
{
    [Theory]
    [InlineData("Poster\0A2", "control characters")]
    [InlineData("Poster\nA2", "control characters")]
    [InlineData("Poster\tA2", "control characters")]
    [InlineData("Poster\u001bA2", "control characters")]
    [InlineData("Poster\u007fA2", "control characters")]
    [InlineData("Poster\u0085A2", "control characters")]
    [InlineData("Shop \u202Egpj.exe", "override characters")]
    [InlineData("Shop \u202A", "override characters")]
    [InlineData("Shop \u202D", "override characters")]
    [InlineData("Shop \u2066x\u2069", "override characters")]
    [InlineData("Shop \u2068", "override characters")]
    public void NameError_ControlOrBidiOverride_Refused(string name, string error) =>
        TextRules.NameError(name, "title")?.ToString().Should().Contain(error);

    [Theory]
    [InlineData("Poster A2")]
    [InlineData("Émilie’s café — 東京")]
    [InlineData("متجر الكتب")] // right-to-left letters are text, not overrides
    [InlineData("")]
    [InlineData(null)]
    public void NameError_OrdinaryText_Null(string? name) => TextRules.NameError(name, "title").Should().BeNull();

    [Theory]
    [InlineData("Line one\r\nLine two\n\tindented", null)]
    [InlineData("Shop \u202E text", null)]
    [InlineData("Bad\0byte", "control characters other than line breaks and tabs")]
    [InlineData("Bell\u0007", "control characters other than line breaks and tabs")]
    public void MultiLineError_LineBreaksAndTabsOnly_AllowedOthersRefused(string text, string? error)
    {
        var result = TextRules.MultiLineError(text, "description");

        if (error is null) result.Should().BeNull();
        else result?.ToString().Should().Contain(error);
    }
}
