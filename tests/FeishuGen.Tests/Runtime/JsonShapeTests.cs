using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;
using FeishuGen.Json;
using Xunit;

namespace FeishuGen.Tests.Runtime;

/// <summary>
/// The table-driven JSON of generated records (FeishuJsonShape), on a hand-written shape of a tree:
/// any member order, lenient numbers, unknown members kept and written back, nulls left out,
/// recursion, and a null where a record must be.
/// </summary>
public sealed class JsonShapeTests
{
    private static readonly FeishuJsonShape<TreeNode> Shape = new(static () => new TreeNode(), new[] { "name", "size", "children" }, ReadMember, WriteMembers, keepsUnknown: true);
    private static readonly FeishuJsonValue<IReadOnlyList<TreeNode>?> Children = FeishuJsonValues.ListOf(Shape);

    [Fact]
    public void Members_read_in_any_order_with_unknown_members_kept_and_trees_nested()
    {
        var node = Read("""{"size":"12","children":[{"name":"leaf","children":[]}],"x":{"y":1},"name":"root"}""");

        Assert.Equal("root", node.Name);
        Assert.Equal(12, node.Size);
        Assert.Equal("leaf", Assert.Single(node.Children!).Name);
        Assert.Empty(node.Children![0].Children!);
        Assert.Equal(1, node.Extra!["x"]!["y"]!.GetValue<int>());
    }

    [Fact]
    public void Writing_leaves_nulls_out_and_puts_unknown_members_back()
    {
        var node = Read("""{"name":"root","children":[{"size":3}],"x":true}""");

        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Shape.Write(writer, node);
        }

        Assert.Equal("""{"name":"root","children":[{"size":3}],"x":true}""", System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    [Fact]
    public void Json_null_is_a_null_record_but_a_null_item_in_a_list_of_records_is_an_error()
    {
        var reader = new Utf8JsonReader("null"u8);
        reader.Read();
        Assert.Null(Shape.Read(ref reader));

        var error = Assert.Throws<JsonException>(() => Read("""{"children":[null]}"""));
        Assert.Contains("Expected a JSON object", error.Message);
    }

    private static TreeNode Read(string json)
    {
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(json));
        reader.Read();
        return Shape.Read(ref reader)!;
    }

    private static void ReadMember(TreeNode x, int member, ref Utf8JsonReader r)
    {
        switch (member)
        {
            case 0: x.Name = FeishuJsonValues.String.Read(ref r); break;
            case 1: x.Size = FeishuJsonValues.Int64.Read(ref r); break;
            case 2: x.Children = Children.Read(ref r); break;
            default: x.Extra = FeishuJsonReader.ReadUnknown(ref r, x.Extra); break;
        }
    }

    private static void WriteMembers(Utf8JsonWriter w, TreeNode x, JsonEncodedText[] n)
    {
        FeishuJsonValues.String.WriteMember(w, n[0], x.Name);
        FeishuJsonValues.Int64.WriteMember(w, n[1], x.Size);
        Children.WriteMember(w, n[2], x.Children);
        FeishuJsonWriter.WriteMembers(w, x.Extra);
    }

    private sealed class TreeNode
    {
        public string? Name { get; set; }

        public long? Size { get; set; }

        public IReadOnlyList<TreeNode>? Children { get; set; }

        public JsonObject? Extra { get; set; }
    }
}
