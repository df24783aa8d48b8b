using Marketplace.Core.Orders;

namespace Marketplace.UnitTests.Orders;

/// <summary>CSV fields of the sales export: RFC 4180 quoting and spreadsheet formula-injection escaping.</summary>
public sealed class SalesCsvTests
{
    [Theory]
    [InlineData("Poster A2", "Poster A2")]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"x\")", "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"")]
    [InlineData("+33 6 12", "'+33 6 12")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("-2.50", "-2.50")]
    [InlineData("-300", "-300")]
    [InlineData("-2.50+cmd|x", "'-2.50+cmd|x")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("line\nbreak", "\"line\nbreak\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("", "")]
    [InlineData("buyer@example.com", "buyer@example.com")]
    public void Field_Value_EscapedAndQuoted(string value, string expected) => SalesCsv.Field(value).Should().Be(expected);

    [Fact]
    public void Line_HeaderAndFields_CommaSeparated() =>
        SalesCsv.Line(["a", "=b", "c,d"]).Should().Be("a,'=b,\"c,d\"");
}
