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

    /// <summary>
    /// A record a page's shaping asked for (<see cref="TypeRef.Pending"/>): its name is given when
    /// the records of every page are merged (<see cref="TypeRegistry"/>). Never printed.
    /// </summary>
    Pending,

    /// <summary>
    /// Two item types to unify once their records have names: <see cref="TypeRef.Item"/> and
    /// <see cref="TypeRef.Other"/>, or a JSON value when they disagree. Never printed.
    /// </summary>
    Unified,
}

/// <summary>
/// A property's C# type. <see cref="Item"/> is the element of a list; <see cref="Name"/> the
/// identity of a generated record; <see cref="Slot"/> the page-local number of a pending record.
/// </summary>
internal sealed record TypeRef(TypeKind Kind, TypeRef? Item = null, TypeName? Name = null, int Slot = -1, TypeRef? Other = null)
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

    public static TypeRef Named(TypeName name) => new(TypeKind.Named, null, name);

    public static TypeRef Pending(int slot) => new(TypeKind.Pending, Slot: slot);

    public static TypeRef Unified(TypeRef first, TypeRef second) => new(TypeKind.Unified, first, Other: second);

    /// <summary>Whether the type waits for a record's name (it holds a pending record or unification).</summary>
    public bool IsPending => Kind is TypeKind.Pending or TypeKind.Unified || (Item?.IsPending ?? false);

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
        TypeKind.Named => Name!.Global,
        _ => throw new System.InvalidOperationException("A pending type has no C# spelling until the records are merged."),
    };

    /// <summary>A short description for XML docs, e.g. 'list of string'.</summary>
    public string Describe => Kind switch
    {
        TypeKind.List => "list of " + Item!.Describe,
        TypeKind.Named => Name!.Name,
        TypeKind.Map => "JSON object",
        TypeKind.Node => "JSON value",
        TypeKind.File => "file",
        TypeKind.Form => "form parts",
        _ => CSharp,
    };
}
