using System.Collections.Generic;
using System.Linq;
using FeishuGen.Generator.Json;
using FeishuGen.Generator.Model;
using FeishuGen.Generator.Naming;

namespace FeishuGen.Generator.Shaping;

/// <summary>
/// Chooses the C# type of each field: from the page's declared type, the 类型额外说明 shape, and
/// the examples where the page lost the detail ('undefined[]', bare 'array' or 'object', and
/// responses, which the page gives only as an example).
/// </summary>
internal sealed partial class TypeResolver
{
    private readonly ITypeRegistrar _registry;
    private readonly string _namespace;
    private readonly string _context;

    private readonly bool _contradictionsAsNode;
    private readonly bool _requiredFromPage;

    /// <param name="registry">Where nested records are registered: the page's own pending records (<see cref="PendingTypes"/>).</param>
    /// <param name="ns">The namespace records are declared in.</param>
    /// <param name="context">The prefix that tells a contradicting record apart.</param>
    /// <param name="contradictionsAsNode">
    /// Events: a scalar the table types one way and the example another (a timestamp documented as
    /// a string and sent as a number) is a field of more than one type, kept as a JSON value.
    /// </param>
    /// <param name="requiredFromPage">
    /// Requests: a nested member the page marks 必填 is required. Replies and events never make one
    /// required: a record they share with a request then has no required member (<see cref="TypeRegistry"/>).
    /// </param>
    public TypeResolver(ITypeRegistrar registry, string ns, string context, bool contradictionsAsNode = false, bool requiredFromPage = false)
    {
        _requiredFromPage = requiredFromPage;
        _registry = registry;
        _namespace = ns;
        _context = context;
        _contradictionsAsNode = contradictionsAsNode;
    }

    /// <summary>The type of a multipart field declared as <paramref name="type"/>: a file part for <c>file</c>/<c>binary</c>.</summary>
    public TypeRef DeclaredPart(string type, string nameHint)
        => PageTypes.Parse(type).Kind == PageTypeKind.File ? TypeRef.File : Declared(type, null, null, nameHint);

    /// <summary>
    /// The type of a path or query parameter declared as <paramref name="type"/>: a scalar, or a
    /// list whose items repeat the key (<c>?a=1&amp;a=2</c>); anything else travels as its text.
    /// </summary>
    public static TypeRef UrlParameter(string type)
    {
        var declared = PageTypes.Parse(type);
        if (Scalar(declared) is { } scalar)
        {
            return scalar;
        }

        return declared.IsArray ? TypeRef.ListOf(declared.Item!.Kind == PageTypeKind.Integer ? TypeRef.Int64 : TypeRef.String) : TypeRef.String;
    }

    /// <summary>
    /// The type of a JSON field declared as <paramref name="type"/>, shaped by <paramref name="shape"/>
    /// and <paramref name="example"/>. JSON has no file parts: a type named <c>file</c> there is a
    /// record the page calls file (a document's file block), or a value the example shows.
    /// </summary>
    public TypeRef Declared(string type, TypeDefinition? shape, JsonValue? example, string nameHint)
        => Declared(PageTypes.Parse(type), shape, example, nameHint);

    private TypeRef Declared(PageType type, TypeDefinition? shape, JsonValue? example, string nameHint)
    {
        if (Scalar(type) is { } primitive)
        {
            return _contradictionsAsNode && Contradicts(primitive, example) ? TypeRef.Node : primitive;
        }

        if (type.IsArray)
        {
            return Array(type.Item!, shape, example, nameHint);
        }

        if (shape is not null)
        {
            // Some older tables say object where the example (rightly) sends a list of them.
            return example is { Kind: JsonKind.Array }
                ? TypeRef.ListOf(Shape(shape, FirstItem(example)))
                : Shape(shape, example);
        }

        if (type.Kind == PageTypeKind.Object && example is { Kind: JsonKind.Object, Members.Count: > 0 })
        {
            return Inferred(example, nameHint);
        }

        // A table without a type column (参数 | 说明): the example types the value. A sentence in the
        // type column (or a spelling a converter broke, 'array>') stays any JSON value.
        if (type.Kind == PageTypeKind.Empty && example is not null && example.Kind != JsonKind.Null)
        {
            return Inferred(example, nameHint);
        }

        return type.Kind is PageTypeKind.Object or PageTypeKind.Map ? TypeRef.Map : TypeRef.Node;
    }

    private TypeRef Array(PageType item, TypeDefinition? shape, JsonValue? example, string nameHint)
    {
        var itemExample = FirstItem(example);
        if (shape is not null)
        {
            // A few pages nest the documented items one array deeper ("二维数组"): the example says so.
            var depth = 1;
            while (itemExample is { Kind: JsonKind.Array })
            {
                depth++;
                itemExample = FirstItem(itemExample);
            }

            // ...and a few say array where both the example and the curl sample send one object.
            if (example is { Kind: JsonKind.Object })
            {
                return Shape(shape, example);
            }

            var list = Shape(shape, itemExample);
            for (var i = 0; i < depth; i++)
            {
                list = TypeRef.ListOf(list);
            }

            return list;
        }

        if (Scalar(item) is { } itemPrimitive)
        {
            return TypeRef.ListOf(itemPrimitive);
        }

        // array<interface>, array<array<interface>>: the page says the items are any JSON value.
        if (AnyItems(item) is { } any)
        {
            return TypeRef.ListOf(any);
        }

        if (example is { Kind: JsonKind.Array, Items.Count: > 0 })
        {
            return Inferred(example, nameHint);
        }

        // 'undefined[]' (the item type was lost) carries strings on most pages.
        return item.Kind switch
        {
            PageTypeKind.Undefined => TypeRef.ListOf(TypeRef.String),
            PageTypeKind.Object or PageTypeKind.Map => TypeRef.ListOf(TypeRef.Map),
            _ => TypeRef.ListOf(TypeRef.Node),
        };
    }

    private static bool Contradicts(TypeRef declared, JsonValue? example) => example?.Kind switch
    {
        JsonKind.String => declared.Kind != TypeKind.String,
        JsonKind.Number => declared.Kind is not (TypeKind.Int64 or TypeKind.Double),
        JsonKind.Boolean => declared.Kind != TypeKind.Boolean,
        JsonKind.Object or JsonKind.Array => true,
        _ => false,
    };

    /// <summary>The record for a 类型额外说明 definition, with its properties typed from the tree and the example.</summary>
    public TypeRef Shape(TypeDefinition definition, JsonValue? example)
    {
        var typeName = Identifiers.Pascal(definition.Name);
        return _registry.Register(_namespace, typeName, _context, ShapedProperties(definition, example, typeName));
    }

    /// <summary>The properties a definition and its example give: declared members typed from the tree, then members only the example shows.</summary>
    public List<PropertySpec> ShapedProperties(TypeDefinition definition, JsonValue? example, string typeName)
    {
        var properties = new List<PropertySpec>();
        var taken = new HashSet<string>();
        var shown = example?.Kind == JsonKind.Object;
        var wireNames = new HashSet<string>();
        foreach (var property in definition.Properties)
        {
            // A member listed twice (a row nested at the wrong depth) is one member: the first.
            if (!wireNames.Add(property.Name))
            {
                continue;
            }

            var value = shown ? example!.Get(property.Name) : null;
            var type = Declared(property.Type, property.Child, value, property.Name);
            // 必填 holds unless the page's own example shows this object without the member (a row
            // nested at the wrong depth lands in a record the example shows it is not part of).
            properties.Add(Property(property.Name, typeName, taken, type, value) with
            {
                Description = property.Description, AllowedValues = property.AllowedValues,
                Required = _requiredFromPage && property.Required && !(shown && value is null),
            });
        }

        // The tree lists only some members on some pages; the example shows the rest.
        if (example?.Kind == JsonKind.Object)
        {
            foreach (var member in example.Members)
            {
                if (!definition.Properties.Any(p => p.Name == member.Key))
                {
                    properties.Add(Property(member.Key, typeName, taken, Inferred(member.Value, member.Key), member.Value));
                }
            }
        }

        return properties;
    }

    private static PropertySpec Property(string wireName, string owner, HashSet<string> taken, TypeRef type, JsonValue? example)
        => new(
            Identifiers.Unique(Identifiers.Property(wireName, owner), taken),
            wireName,
            type,
            Required: false,
            ParameterLocation.Body,
            string.Empty,
            ExampleText(example),
            null,
            EquatableArray<AllowedValue>.Empty,
            EquatableArray<ValidationRule>.Empty);

    private static string? ExampleText(JsonValue? example)
        => example is { Kind: JsonKind.String or JsonKind.Number or JsonKind.Boolean } ? example.Text : null;

    private static JsonValue? FirstItem(JsonValue? value)
        => value is { Kind: JsonKind.Array, Items.Count: > 0 } ? value.Items[0] : null;

    private static TypeRef? AnyItems(PageType item)
        => item.Kind == PageTypeKind.Any ? TypeRef.Node
            : item.IsArray && AnyItems(item.Item!) is { } inner ? TypeRef.ListOf(inner)
            : null;

    // The C# type of a scalar spelling; null for every other kind.
    private static TypeRef? Scalar(PageType type) => type.Kind switch
    {
        PageTypeKind.String => TypeRef.String,
        PageTypeKind.Integer => TypeRef.Int64,
        PageTypeKind.Number => TypeRef.Double,
        PageTypeKind.Boolean => TypeRef.Boolean,
        _ => null,
    };
}
