using FeishuGen.Generator.Json;
using Xunit;

namespace FeishuGen.Tests.Reading;

public sealed class LenientJsonTests
{
    [Fact]
    public void Accepts_comments_trailing_commas_and_invalid_escapes()
    {
        var value = LenientJsonParser.TryParse("{ // note\n \"a\": [1, 2,], /* x */ \"b\": \"\\d+\", }", out var error);
        Assert.Null(error);
        Assert.Equal(2, value!.Get("a")!.Items.Count);
        Assert.Equal("\\d+", value.Get("b")!.Text);
    }

    [Fact]
    public void Reports_broken_json_with_a_line_instead_of_throwing()
    {
        var value = LenientJsonParser.TryParse("{\n\"a\": 1\n\"b\": 2}", out var error);
        Assert.Null(value);
        Assert.Contains("line 3", error);
    }
}
