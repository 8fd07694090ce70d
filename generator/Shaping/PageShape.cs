using FeishuGen.Generator.Diagnostics;
using FeishuGen.Generator.Model;

namespace FeishuGen.Generator.Shaping;

/// <summary>
/// One page shaped on its own: its endpoint with every name and decision, its request and response
/// records, and the nested records it registered, whose names the merge gives
/// (<see cref="TypeKind.Pending"/> properties until then). <see cref="Order"/> is the page's
/// place in the names step's order; <see cref="Failures"/> holds FSG0013 when shaping failed.
/// </summary>
internal sealed record PageShape(
    int Order,
    string SpecPath,
    EndpointSpec? Endpoint,
    TypeSpec? Request,
    TypeSpec? Response,
    EquatableArray<Registration> Registrations,
    EquatableArray<DiagnosticInfo> Failures)
{
    public static PageShape Failed(int order, string specPath, DiagnosticInfo failure)
        => new(order, specPath, null, null, null, EquatableArray<Registration>.Empty, new[] { failure }.ToEquatableArray());
}
