using System.Collections.Generic;
using FeishuGen.Generator.Model;

namespace FeishuGen.Generator.Shaping;

/// <summary>Where a page's shaping registers the nested records it needs.</summary>
internal interface ITypeRegistrar
{
    /// <summary>The record called <paramref name="name"/> (or, when it contradicts another, a name made from <paramref name="context"/>) with these properties.</summary>
    TypeRef Register(string ns, string name, string context, List<PropertySpec> properties);
}

/// <summary>
/// A nested record one page asks for, in the order its shaping asked: the properties may refer to
/// the page's earlier registrations (<see cref="TypeKind.Pending"/>). The merge of every page
/// (<see cref="TypeRegistry"/>) gives each its name.
/// </summary>
internal sealed record Registration(string Namespace, string Name, string Context, EquatableArray<PropertySpec> Properties);

/// <summary>
/// One page's nested records while it is shaped on its own: each registration is kept in order and
/// answered with a pending reference (slot <c>n</c>), so the page's shaping needs no other page.
/// </summary>
internal sealed class PendingTypes : ITypeRegistrar
{
    private readonly List<Registration> _registrations = new();

    public EquatableArray<Registration> Registrations => _registrations.ToEquatableArray();

    public TypeRef Register(string ns, string name, string context, List<PropertySpec> properties)
    {
        _registrations.Add(new Registration(ns, name, context, properties.ToEquatableArray()));
        return TypeRef.Pending(_registrations.Count - 1);
    }
}
