using System.Collections.Generic;
using System.Linq;
using FeishuGen.Generator.Model;

namespace FeishuGen.Generator.Shaping;

/// <summary>
/// The nested records of one compilation, merged from every page's registrations in the order of
/// the pages. Pages of one service version name the same types (i18n, user, member…) over and
/// over, inline, sometimes with different properties: a name whose shapes agree becomes one record
/// holding the union of their properties; a shape that contradicts an earlier one (same property,
/// other type) gets a name prefixed with its resource, then a number. The order is fixed, so names are stable.
/// </summary>
internal sealed class TypeRegistry
{
    private readonly Dictionary<TypeName, Builder> _types = new();
    private readonly List<Builder> _order = new();
    private readonly HashSet<TypeName> _reserved = new();

    /// <summary>Keeps <paramref name="name"/> (a request, response or API class) away from nested types.</summary>
    public void Reserve(TypeName name) => _reserved.Add(name);

    /// <summary>Names one page's registrations in order, and returns what each pending slot of the page became.</summary>
    public TypeRef[] Merge(IReadOnlyList<Registration> registrations)
    {
        var slots = new TypeRef[registrations.Count];
        for (var i = 0; i < registrations.Count; i++)
        {
            var registration = registrations[i];
            var properties = registration.Properties.Select(p => p.Type.IsPending ? p with { Type = Resolve(p.Type, slots) } : p).ToList();
            slots[i] = Register(registration.Namespace, registration.Name, registration.Context, properties);
        }

        return slots;
    }

    /// <summary>A type with every pending record replaced by the record it became, and every pending unification done.</summary>
    public static TypeRef Resolve(TypeRef type, TypeRef[] slots) => type.Kind switch
    {
        TypeKind.Pending => slots[type.Slot],
        TypeKind.Unified => UnifyOrNode(Resolve(type.Item!, slots), Resolve(type.Other!, slots)),
        TypeKind.List when type.IsPending => TypeRef.ListOf(Resolve(type.Item!, slots)),
        _ => type,
    };

    /// <summary>
    /// The nested records, in the order they were first registered, with their final properties and
    /// their summaries from the fields that hold them (<see cref="NestedSummaries"/>) in <paramref name="holders"/> or in each other.
    /// </summary>
    public IEnumerable<TypeSpec> Build(IReadOnlyList<TypeSpec> holders)
        => NestedSummaries.Summarized(holders, _order.Select(b => new TypeSpec(new TypeName(b.Namespace, b.Name), TypeRole.Nested, string.Empty, b.Properties.ToEquatableArray(), KeepsUnknownMembers: true)).ToList());

    private TypeRef Register(string ns, string name, string context, List<PropertySpec> properties)
    {
        foreach (var candidate in Candidates(name, context))
        {
            var typeName = new TypeName(ns, candidate);
            if (_reserved.Contains(typeName))
            {
                continue;
            }

            if (!_types.TryGetValue(typeName, out var existing))
            {
                var builder = new Builder(ns, candidate, properties);
                _types.Add(typeName, builder);
                _order.Add(builder);
                return TypeRef.Named(typeName);
            }

            if (existing.TryMerge(properties))
            {
                return TypeRef.Named(typeName);
            }
        }

        throw new System.InvalidOperationException("unreachable: numbered candidates never run out");
    }

    private static IEnumerable<string> Candidates(string name, string context)
    {
        yield return name;
        if (!name.StartsWith(context, System.StringComparison.Ordinal))
        {
            yield return context + name;
        }

        for (var i = 2; ; i++)
        {
            yield return context + name + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    /// <summary>
    /// The type two item types share, or a JSON value when they contradict each other; deferred
    /// (<see cref="TypeKind.Unified"/>) while either waits for its record's name.
    /// </summary>
    public static TypeRef UnifyOrNode(TypeRef a, TypeRef b)
        => a.IsPending || b.IsPending ? TypeRef.Unified(a, b) : Unify(a, b) ?? TypeRef.Node;

    /// <summary>The type both shapes can share, or null when they contradict each other.</summary>
    public static TypeRef? Unify(TypeRef a, TypeRef b)
    {
        if (a == b)
        {
            return a;
        }

        if (a.Kind == TypeKind.Node)
        {
            return b;
        }

        if (b.Kind == TypeKind.Node)
        {
            return a;
        }

        if (a.Kind is TypeKind.Int64 or TypeKind.Double && b.Kind is TypeKind.Int64 or TypeKind.Double)
        {
            return TypeRef.Double;
        }

        if (a.Kind == TypeKind.List && b.Kind == TypeKind.List)
        {
            var item = Unify(a.Item!, b.Item!);
            return item is null ? null : TypeRef.ListOf(item);
        }

        if (a.Kind == TypeKind.Map && b.Kind == TypeKind.Named)
        {
            return b;
        }

        if (b.Kind == TypeKind.Map && a.Kind == TypeKind.Named)
        {
            return a;
        }

        return null;
    }

    private sealed class Builder
    {
        public Builder(string ns, string name, List<PropertySpec> properties)
        {
            Namespace = ns;
            Name = name;
            Properties = new List<PropertySpec>(properties);
        }

        public string Namespace { get; }

        public string Name { get; }

        public List<PropertySpec> Properties { get; }

        // A member stays required only where every shape of the record has it required: a reply's
        // shape, or a request that does not mark it, makes it optional for all.
        public bool TryMerge(List<PropertySpec> incoming)
        {
            var merged = Properties.Select(p => p.Required && !incoming.Any(i => i.WireName == p.WireName && i.Required) ? p with { Required = false } : p).ToList();
            foreach (var property in incoming)
            {
                var index = merged.FindIndex(p => p.WireName == property.WireName);
                if (index < 0)
                {
                    if (merged.Any(p => p.ClrName == property.ClrName))
                    {
                        return false;
                    }

                    merged.Add(property with { Required = false });
                    continue;
                }

                var unified = Unify(merged[index].Type, property.Type);
                if (unified is null)
                {
                    return false;
                }

                merged[index] = merged[index] with { Type = unified };
            }

            Properties.Clear();
            Properties.AddRange(merged);
            return true;
        }
    }
}
