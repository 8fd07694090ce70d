using FeishuGen.Generator.Shaping;

namespace FeishuGen.Generator.Emitting;

/// <summary>
/// The C# expressions naming how a <see cref="TypeRef"/> reads and writes as JSON: the runtime's
/// <c>FeishuJsonValues</c> for page types, a generated <c>FeishuJsonShape</c> for records. No
/// reflection: trim- and AOT-safe.
/// </summary>
internal static class JsonCode
{
    private const string Values = "global::FeishuGen.Json.FeishuJsonValues";

    /// <summary>The name of the generated class that holds a namespace's record shapes.</summary>
    public const string Codec = "FeishuJsonCodec";

    /// <summary>The C# type of a record's shape.</summary>
    public static string ShapeOf(string fullRecordName) => "global::FeishuGen.Json.FeishuJsonShape<" + fullRecordName + ">";

    /// <summary>The value of a property; <paramref name="notNull"/> for a required number, which is never null.</summary>
    public static string Value(TypeRef type, bool notNull = false) => type.Kind switch
    {
        TypeKind.String => Values + ".String",
        TypeKind.Int64 => Values + (notNull ? ".Int64Item" : ".Int64"),
        TypeKind.Double => Values + (notNull ? ".DoubleItem" : ".Double"),
        TypeKind.Boolean => Values + (notNull ? ".BooleanItem" : ".Boolean"),
        TypeKind.Node => Values + ".Node",
        TypeKind.Map => Values + ".Map",
        TypeKind.List => Values + ".ListOf(" + Item(type.Item!) + ")",
        _ => Shape(type),
    };

    /// <summary>The value of one list item (never null, except JSON values).</summary>
    public static string Item(TypeRef type) => type.Kind switch
    {
        TypeKind.String => Values + ".StringItem",
        TypeKind.Int64 => Values + ".Int64Item",
        TypeKind.Double => Values + ".DoubleItem",
        TypeKind.Boolean => Values + ".BooleanItem",
        TypeKind.Node => Values + ".Node",
        TypeKind.Map => Values + ".MapItem",
        TypeKind.List => Values + ".ListItemOf(" + Item(type.Item!) + ")",
        _ => Shape(type),
    };

    /// <summary>The shape of a generated record: <c>global::Ns.FeishuJsonCodec.Name</c>.</summary>
    public static string Shape(TypeRef named) => Shape(named.Name!);

    /// <summary>The shape of a generated record by its identity.</summary>
    public static string Shape(TypeName type) => "global::" + type.Namespace + "." + Codec + "." + type.Name;
}
