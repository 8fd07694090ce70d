using System.Collections.Generic;
using System.Linq;
using FeishuGen.Generator.Json;
using FeishuGen.Generator.Model;
using FeishuGen.Generator.Reading;
using Xunit;

namespace FeishuGen.Tests.Reading;

/// <summary>The 类型额外说明 tree: nesting by indentation and the binding of top-level fields.</summary>
public sealed class TypeTreeTests
{
    private static readonly string[] DeepTree =
    {
        "- **block** 类型说明:",
        "",
        "  基本属性:",
        "",
        "   block_type: integer <br> comment_ids: array <br>",
        "  - **text** (object):",
        "    - **text** 类型说明:",
        "",
        "      - **elements** (array):",
        "        - **text_element** 类型说明:",
        "",
        "          - **text_run** (object):",
        "            - **text_run** 类型说明:",
        "",
        "              基本属性:",
        "",
        "               content: string <br>",
        "              - **style** (object):",
        "                - **style** 类型说明:",
        "",
        "                  基本属性:",
        "",
        "                   bold: boolean <br>",
        "          - **mention_user** (object):",
        "            - **mention_user** 类型说明:",
        "",
        "              基本属性:",
        "",
        "               user_id: string <br>",
        "- **rule** 类型说明:",
        "",
        "  基本属性:",
        "",
        "   name: string <br>",
    };

    [Fact]
    public void Nesting_follows_indentation_at_any_depth()
    {
        var roots = TypeTreeReader.Read(DeepTree, 0, DeepTree.Length);
        Assert.Equal(new[] { "block", "rule" }, roots.Select(r => r.Name));
        var block = roots[0];
        Assert.Equal(new[] { "block_type", "comment_ids", "text" }, block.Properties.Select(p => p.Name));
        var text = block.Properties[2].Child!;
        var element = text.Properties.Single().Child!;
        Assert.Equal("text_element", element.Name);
        Assert.Equal(new[] { "text_run", "mention_user" }, element.Properties.Select(p => p.Name));
        var run = element.Properties[0].Child!;
        Assert.Equal(new[] { "content", "style" }, run.Properties.Select(p => p.Name));
        Assert.Equal("bold", run.Properties[1].Child!.Properties.Single().Name);
        Assert.Equal("user_id", element.Properties[1].Child!.Properties.Single().Name);
    }

    [Fact]
    public void Object_fields_bind_by_example_keys_before_order()
    {
        var first = new TypeDefinition("first_def", new[] { new TypeProperty("x", "string", null) }.ToEquatableArray());
        var second = new TypeDefinition("second_def", new[] { new TypeProperty("y", "string", null) }.ToEquatableArray());
        var fields = new List<FieldModel> { Field("a", "object"), Field("b", "object") };

        // The page lists the definitions in the opposite order of the fields; the example says which is which.
        var example = LenientJsonParser.TryParse("{\"a\": {\"y\": \"1\"}, \"b\": {\"x\": \"2\"}}", out _);
        var bound = TypeTreeBinder.Bind(fields, new[] { first, second }, example);
        Assert.Equal("second_def", bound[0].Shape!.Name);
        Assert.Equal("first_def", bound[1].Shape!.Name);

        var byOrder = TypeTreeBinder.Bind(fields, new[] { first, second }, null);
        Assert.Equal("first_def", byOrder[0].Shape!.Name);
    }

    private static FieldModel Field(string name, string type)
        => new(name, type, false, string.Empty, null, null, EquatableArray<AllowedValue>.Empty, EquatableArray<ValidationRule>.Empty, null);
}
