using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using FeishuGen.Generator.Naming;
using FeishuGen.Generator.Shaping;

namespace FeishuGen.Generator.Emitting;

/// <summary>
/// Emits a property's documented values (可选值) as constants in a nested static class, e.g.
/// <c>GrantTypeValues.Value0</c>. Constants rather than enums: Feishu adds values over time and
/// an enum would fail to read a value it does not know.
/// </summary>
internal static class AllowedValuesEmitter
{
    public static string ClassName(PropertySpec property) => property.ClrName + "Values";

    /// <summary>Whether the property gets a constants class: its values are strings or integers (booleans and numbers are documented only).</summary>
    public static bool HasConstants(PropertySpec property) => property.AllowedValues.Count > 0 && ConstantType(property) is not null;

    private static string? ConstantType(PropertySpec property)
    {
        var scalar = property.Type.Kind == TypeKind.List ? property.Type.Item! : property.Type;
        return scalar.Kind switch
        {
            TypeKind.String => "string",
            TypeKind.Int64 => "long",
            _ => null,
        };
    }

    public static void Write(SourceWriter writer, PropertySpec property)
    {
        var constantType = ConstantType(property);
        if (constantType is null)
        {
            return;
        }

        writer.Line();
        writer.Line("/// <summary>The documented values of <see cref=\"" + property.ClrName + "\"/>.</summary>");
        writer.Open("public static class " + ClassName(property));
        var taken = new HashSet<string> { ClassName(property) };
        var seenValues = new HashSet<string>();
        foreach (var allowed in property.AllowedValues)
        {
            var literal = constantType == "string" ? CSharp.Literal(allowed.Value) : IntegerLiteral(allowed.Value);
            if (literal is null || !seenValues.Add(allowed.Value))
            {
                continue;
            }

            writer.Line("/// <summary>" + (allowed.Label.Length > 0 ? CSharp.Xml(allowed.Label) : CSharp.Xml(allowed.Value)) + "</summary>");
            writer.Line("public const " + constantType + " " + Identifiers.Unique(ConstantName(allowed.Value, allowed.Label), taken) + " = " + literal + ";");
        }

        writer.Close();
    }

    private static string? IntegerLiteral(string value)
        => long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? CSharp.Number(number) + "L" : null;

    // English words make the best names; Chinese labels and bare numbers fall back to 'Value1'.
    private static string ConstantName(string value, string label)
    {
        if (IsAsciiWords(value) && !char.IsDigit(value[0]) && value[0] != '-')
        {
            return Identifiers.Pascal(value);
        }

        if (IsAsciiWords(label) && label.Length <= 40 && label.Any(char.IsLetter))
        {
            return Identifiers.Pascal(label);
        }

        return Identifiers.Pascal("Value_" + value.Replace("-", "Minus"));
    }

    private static bool IsAsciiWords(string text)
        => text.Length > 0 && text.All(c => c < 128 && (char.IsLetterOrDigit(c) || c == '_' || c == ' ' || c == '-' || c == '.'));
}
