using FeishuGen.Generator.Shaping;

namespace FeishuGen.Generator.Emitting;

/// <summary>
/// The C# expressions that read and write one value of a <see cref="TypeRef"/> with
/// Utf8JsonReader/Utf8JsonWriter, through the runtime's helpers: no reflection, trim- and AOT-safe.
/// </summary>
internal static class JsonCode
{
    private const string Reader = "global::FeishuGen.Json.FeishuJsonReader";
    private const string Writer = "global::FeishuGen.Json.FeishuJsonWriter";
    private const string ReaderType = "ref global::System.Text.Json.Utf8JsonReader r";

    /// <summary>The name of the generated codec class of a namespace.</summary>
    public const string Codec = "FeishuJsonCodec";

    /// <summary>An expression reading a nullable value at the reader's current token.</summary>
    public static string Read(TypeRef type) => type.Kind switch
    {
        TypeKind.String => Reader + ".ReadString(ref reader)",
        TypeKind.Int64 => Reader + ".ReadInt64(ref reader)",
        TypeKind.Double => Reader + ".ReadDouble(ref reader)",
        TypeKind.Boolean => Reader + ".ReadBoolean(ref reader)",
        TypeKind.Node => Reader + ".ReadNode(ref reader)",
        TypeKind.Map => Reader + ".ReadObject(ref reader)",
        TypeKind.List => Reader + ".ReadList(ref reader, " + ItemReader(type.Item!) + ")",
        _ => Reader + ".ReadNullable(ref reader, " + ReadMethod(type) + ")",
    };

    /// <summary>A delegate reading one non-null list item.</summary>
    public static string ItemReader(TypeRef type) => type.Kind switch
    {
        TypeKind.String => Reader + ".ReadStringItem",
        TypeKind.Int64 => Reader + ".ReadInt64Item",
        TypeKind.Double => Reader + ".ReadDoubleItem",
        TypeKind.Boolean => Reader + ".ReadBooleanItem",
        TypeKind.Node => Reader + ".ReadNode",
        TypeKind.Map => Reader + ".ReadObjectItem",
        TypeKind.List => "static (" + ReaderType + ") => (" + type.CSharp + ")(" + Reader + ".ReadList(ref r, " + ItemReader(type.Item!) + ") ?? new global::System.Collections.Generic.List<" + ItemType(type.Item!) + ">())",
        _ => ReadMethod(type),
    };

    /// <summary>A statement writing <paramref name="value"/> (not null) as a JSON value.</summary>
    public static string Write(TypeRef type, string value) => type.Kind switch
    {
        TypeKind.String => "writer.WriteStringValue(" + value + ");",
        TypeKind.Int64 or TypeKind.Double => "writer.WriteNumberValue(" + value + ");",
        TypeKind.Boolean => "writer.WriteBooleanValue(" + value + ");",
        TypeKind.Node or TypeKind.Map => Writer + ".WriteNode(writer, " + value + ");",
        TypeKind.List => Writer + ".WriteList(writer, " + value + ", " + ItemWriter(type.Item!) + ");",
        _ => WriteMethod(type) + "(writer, " + value + ");",
    };

    /// <summary>A delegate writing one list item.</summary>
    public static string ItemWriter(TypeRef type) => type.Kind switch
    {
        TypeKind.String => Writer + ".WriteStringItem",
        TypeKind.Int64 => Writer + ".WriteInt64Item",
        TypeKind.Double => Writer + ".WriteDoubleItem",
        TypeKind.Boolean => Writer + ".WriteBooleanItem",
        TypeKind.Node or TypeKind.Map => Writer + ".WriteNode",
        TypeKind.List => "static (w, v) => " + Writer + ".WriteList(w, v, " + ItemWriter(type.Item!) + ")",
        _ => WriteMethod(type),
    };

    /// <summary>The C# type of a list item (JSON values in lists may be null).</summary>
    public static string ItemType(TypeRef type) => type.Kind == TypeKind.Node ? type.CSharp + "?" : type.CSharp;

    public static string ReadMethod(TypeRef named) => CodecOf(named) + ".Read" + ShortName(named);

    public static string WriteMethod(TypeRef named) => CodecOf(named) + ".Write" + ShortName(named);

    private static string CodecOf(TypeRef named)
    {
        var name = named.Name!;
        return "global::" + name.Substring(0, name.LastIndexOf('.')) + "." + Codec;
    }

    private static string ShortName(TypeRef named) => named.Name!.Substring(named.Name.LastIndexOf('.') + 1);
}
