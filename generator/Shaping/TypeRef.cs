namespace FeishuGen.Generator.Shaping;

/// <summary>The kinds of C# type a property can have.</summary>
internal enum TypeKind
{
    String,
    Int64,
    Double,
    Boolean,

    /// <summary>Any JSON value, kept as written (JsonNode).</summary>
    Node,

    /// <summary>A free-form JSON object ('map' on the page, or an object nothing describes).</summary>
    Map,
    List,
    Named,

    /// <summary>A file part of an upload (FeishuFile).</summary>
    File,

    /// <summary>Free parts of an upload (FeishuFormData).</summary>
    Form,
}

/// <summary>
/// A property's C# type. <see cref="Item"/> is the element of a list; <see cref="Name"/> the
/// fully qualified name of a generated record.
/// </summary>
internal sealed record TypeRef(TypeKind Kind, TypeRef? Item = null, string? Name = null)
{
    public static readonly TypeRef String = new(TypeKind.String);
    public static readonly TypeRef Int64 = new(TypeKind.Int64);
    public static readonly TypeRef Double = new(TypeKind.Double);
    public static readonly TypeRef Boolean = new(TypeKind.Boolean);
    public static readonly TypeRef Node = new(TypeKind.Node);
    public static readonly TypeRef Map = new(TypeKind.Map);
    public static readonly TypeRef File = new(TypeKind.File);
    public static readonly TypeRef Form = new(TypeKind.Form);

    public static TypeRef ListOf(TypeRef item) => new(TypeKind.List, item);

    public static TypeRef Named(string fullName) => new(TypeKind.Named, null, fullName);

    public bool IsValueType => Kind is TypeKind.Int64 or TypeKind.Double or TypeKind.Boolean;

    /// <summary>The C# spelling, with global:: on every type.</summary>
    public string CSharp => Kind switch
    {
        TypeKind.String => "string",
        TypeKind.Int64 => "long",
        TypeKind.Double => "double",
        TypeKind.Boolean => "bool",
        TypeKind.Node => "global::System.Text.Json.Nodes.JsonNode",
        TypeKind.Map => "global::System.Text.Json.Nodes.JsonObject",
        TypeKind.File => "global::FeishuGen.FeishuFile",
        TypeKind.Form => "global::FeishuGen.FeishuFormData",
        TypeKind.List => "global::System.Collections.Generic.IReadOnlyList<" + Item!.CSharp + (Item.Kind == TypeKind.Node ? "?" : string.Empty) + ">",
        _ => "global::" + Name,
    };

    /// <summary>A short description for XML docs, e.g. 'list of string'.</summary>
    public string Describe => Kind switch
    {
        TypeKind.List => "list of " + Item!.Describe,
        TypeKind.Named => Name!.Substring(Name.LastIndexOf('.') + 1),
        TypeKind.Map => "JSON object",
        TypeKind.Node => "JSON value",
        TypeKind.File => "file",
        TypeKind.Form => "form parts",
        _ => CSharp,
    };
}
