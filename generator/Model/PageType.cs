namespace FeishuGen.Generator.Model;

/// <summary>What a page's type cell means, whatever its spelling (see <see cref="PageTypes"/>).</summary>
internal enum PageTypeKind
{
    /// <summary>string, 字符串.</summary>
    String,

    /// <summary>int, int32, int64, integer, i64, long, 整数…: a whole number (C# <c>long</c>).</summary>
    Integer,

    /// <summary>number, float, float64, double, number(float), 浮点数…: a number with a fraction (C# <c>double</c>).</summary>
    Number,

    /// <summary>boolean, bool, 布尔.</summary>
    Boolean,

    /// <summary>object, struct, 对象: members that a definition, nested rows or an example give.</summary>
    Object,

    /// <summary>map, map&lt;string, string&gt;: a dictionary with free keys.</summary>
    Map,

    /// <summary>file, binary: a file part of an upload (in JSON, a record the page calls file).</summary>
    File,

    /// <summary>x[], []x, list&lt;x&gt;, array&lt;x&gt;, array, 数组: a list of <see cref="PageType.Item"/>.</summary>
    Array,

    /// <summary>A named type of the page (user_id, i18n, app.table.record), whose members the page may define.</summary>
    Named,

    /// <summary>'undefined': the documentation tool lost the type (as the item of 'undefined[]').</summary>
    Undefined,

    /// <summary>'-' or '/': a container row whose members follow it (standard Markdown), typed by them.</summary>
    Container,

    /// <summary>interface, union, any, json: any JSON value.</summary>
    Any,

    /// <summary>An empty type cell: the row's nested rows or example decide, or nothing does.</summary>
    Empty,

    /// <summary>Text that is no type at all (a sentence in the type column): reported where it is read.</summary>
    Unknown,
}

/// <summary>
/// A page's type cell in the one vocabulary that reading and shaping share: its kind, the item
/// type of an array and the name of a named type. <see cref="Spelling"/> is the cell as written
/// (markup removed), for messages.
/// </summary>
internal sealed record PageType(PageTypeKind Kind, string Spelling, PageType? Item = null, string? Name = null)
{
    /// <summary>Whether the value is a JSON scalar: string, integer, number or boolean.</summary>
    public bool IsScalar => Kind is PageTypeKind.String or PageTypeKind.Integer or PageTypeKind.Number or PageTypeKind.Boolean;

    /// <summary>Whether the value is a list.</summary>
    public bool IsArray => Kind == PageTypeKind.Array;
}
