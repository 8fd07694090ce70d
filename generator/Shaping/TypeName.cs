namespace FeishuGen.Generator.Shaping;

/// <summary>
/// A generated C# type's identity: its namespace and name, compared by value. <see cref="Global"/>
/// is how generated code refers to it (<c>global::FeishuGen.Api.Hire.V1.EcoBackgroundCheckApi</c>).
/// </summary>
internal sealed record TypeName(string Namespace, string Name)
{
    /// <summary>Namespace.Name.</summary>
    public string Full => Namespace + "." + Name;

    /// <summary>global::Namespace.Name.</summary>
    public string Global => "global::" + Full;

    /// <summary>Another type in the same namespace.</summary>
    public TypeName Sibling(string name) => new(Namespace, name);

    public override string ToString() => Full;
}
