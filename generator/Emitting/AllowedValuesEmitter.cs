using FeishuGen.Generator.Shaping;

namespace FeishuGen.Generator.Emitting;

/// <summary>
/// Prints a property's documented values (可选值) as constants in a nested static class, as the
/// shaper named them (<see cref="ValueConstants"/>), e.g. <c>GrantTypeValues.Value0</c>.
/// </summary>
internal static class AllowedValuesEmitter
{
    public static void Write(SourceWriter writer, PropertySpec property)
    {
        var constants = property.Constants!;
        writer.Line();
        writer.Line("/// <summary>The documented values of <see cref=\"" + property.ClrName + "\"/>.</summary>");
        writer.Open("public static class " + constants.ClassName);
        foreach (var value in constants.Values)
        {
            writer.Line("/// <summary>" + CSharp.Xml(value.Doc) + "</summary>");
            var literal = constants.Type == "string" ? CSharp.Literal(value.Value) : value.Value + "L";
            writer.Line("public const " + constants.Type + " " + value.Name + " = " + literal + ";");
        }

        writer.Close();
    }
}
