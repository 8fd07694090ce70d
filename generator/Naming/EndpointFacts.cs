using System.Collections.Generic;
using System.Linq;
using FeishuGen.Generator.Model;

namespace FeishuGen.Generator.Naming;

/// <summary>
/// What a page documents about its endpoint, prose left out: one line per parameter, body and
/// reply member (with its type and required flag), per allowed value, error code, token and scope.
/// Two pages of one endpoint are compared by these: the one kept loses nothing of the other when
/// the other's facts are all among its own. <see cref="Faults"/> counts the type cells that name no
/// type (a row that lost cells reads its type from the wrong cell).
/// </summary>
internal sealed record EndpointFacts(EquatableArray<string> Facts, int Faults)
{
    /// <summary>A claim built without its page's facts (tests of names only).</summary>
    public static readonly EndpointFacts None = new(EquatableArray<string>.Empty, 0);

    public static EndpointFacts Of(EndpointModel model)
    {
        var facts = new SortedSet<string>(System.StringComparer.Ordinal) { "payload " + model.RequestKind + " " + model.ResponseKind };
        facts.UnionWith(model.TokenTypes.Select(t => "token " + t));
        facts.UnionWith(model.Scopes.Select(s => "scope " + s.Key));
        facts.UnionWith(model.Errors.Select(e => "error " + e.Code.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var faults = 0;
        foreach (var (where, fields) in new[] { ("path", model.PathParameters), ("query", model.QueryParameters), ("body", model.BodyFields), ("response", model.ResponseFields) })
        {
            foreach (var field in fields)
            {
                var member = new TypeProperty(field.Name, field.Type, field.Shape, field.Description, field.AllowedValues, field.Required);
                faults += Add(facts, where + " ", member);
            }
        }

        return new EndpointFacts(facts.ToEquatableArray(), faults);
    }

    /// <summary>The facts of this page that <paramref name="other"/> lacks.</summary>
    public List<string> Missing(EndpointFacts other)
    {
        var theirs = new HashSet<string>(other.Facts, System.StringComparer.Ordinal);
        return Facts.Where(f => !theirs.Contains(f)).ToList();
    }

    // One member and, below it, the members of its type; the count of type cells that name no type.
    private static int Add(SortedSet<string> facts, string prefix, TypeProperty member)
    {
        var type = PageTypes.Parse(member.Type);
        var at = prefix + member.Name;
        facts.Add(at + ": " + type.Spelling + (member.Required ? " required" : string.Empty));
        facts.UnionWith(member.AllowedValues.Select(v => at + " = " + v.Value));
        var faults = type.Kind == PageTypeKind.Unknown ? 1 : 0;
        foreach (var child in member.Child?.Properties ?? default)
        {
            faults += Add(facts, at + ".", child);
        }

        return faults;
    }
}
