using System.Collections.Generic;
using System.Linq;
using FeishuGen.Generator.Shaping;

namespace FeishuGen.Generator.Emitting;

/// <summary>
/// Prints one record (request, response data, nested type or event body) with its XML docs, its
/// allowed-value constants, and its reflection-free JSON metadata (a member table).
/// </summary>
internal static class RecordEmitter
{
    public static string Emit(TypeSpec type)
    {
        var writer = new SourceWriter().Header();
        writer.Open("namespace " + type.Namespace);
        WriteRecord(writer, type);
        writer.Line();
        WriteCodec(writer, type);
        writer.Close();
        return writer.ToString();
    }

    private static void WriteRecord(SourceWriter writer, TypeSpec type)
    {
        writer.Line("/// <summary>");
        CSharp.XmlLines(writer, type.Summary);
        writer.Line("/// </summary>");
        writer.Line(CSharp.GeneratedCode);
        writer.Open("public sealed partial record " + type.Name);
        var first = true;
        foreach (var property in type.Properties)
        {
            if (!first)
            {
                writer.Line();
            }

            first = false;
            WriteProperty(writer, property);
        }

        if (type.KeepsUnknownMembers)
        {
            if (!first)
            {
                writer.Line();
            }

            writer.Line("/// <summary>Members of the JSON object that the documentation does not describe, kept so that nothing is lost.</summary>");
            writer.Line("[global::System.Text.Json.Serialization.JsonIgnore]");
            writer.Line("public global::System.Text.Json.Nodes.JsonObject? " + type.UnknownMembers + " { get; set; }");
        }

        foreach (var property in type.Properties.Where(p => p.Constants is not null))
        {
            AllowedValuesEmitter.Write(writer, property);
        }

        writer.Close();
    }

    private static void WriteProperty(SourceWriter writer, PropertySpec property)
    {
        PropertyDocs.Write(writer, property);
        switch (property.Location)
        {
            case ParameterLocation.Path:
                writer.Line("[global::FeishuGen.FeishuPath(" + CSharp.Literal(property.WireName) + ")]");
                writer.Line("[global::System.Text.Json.Serialization.JsonIgnore]");
                break;
            case ParameterLocation.Query:
                writer.Line("[global::FeishuGen.FeishuQuery(" + CSharp.Literal(property.WireName) + ")]");
                writer.Line("[global::System.Text.Json.Serialization.JsonIgnore]");
                break;
            case ParameterLocation.Form:
                if (property.WireName.Length > 0)
                {
                    writer.Line("[global::FeishuGen.FeishuFormPart(" + CSharp.Literal(property.WireName) + ")]");
                }

                writer.Line("[global::System.Text.Json.Serialization.JsonIgnore]");
                break;
            default:
                writer.Line("[global::System.Text.Json.Serialization.JsonPropertyName(" + CSharp.Literal(property.WireName) + ")]");
                break;
        }

        var required = property.IsRequiredMember;
        var typeName = required ? property.Type.CSharp : property.Type.CSharp + "?";
        writer.Line("public " + (required ? "required " : string.Empty) + typeName + " " + property.ClrName + " { get; set; }");
    }

    // The record's JSON metadata: a factory, the wire names, and one line per body member in each
    // of two small methods; the runtime's FeishuJsonShape does the rest (issue #11's size goal).
    private static void WriteCodec(SourceWriter writer, TypeSpec type)
    {
        var full = type.Id.Global;
        var body = type.Properties.Where(p => p.Location == ParameterLocation.Body).ToList();
        var requiredMembers = string.Join(", ", type.Properties.Where(p => p.IsRequiredMember).Select(p => p.ClrName + " = default!"));
        var create = requiredMembers.Length == 0 ? "new " + full + "()" : "new " + full + " { " + requiredMembers + " }";
        var names = body.Count == 0 ? "global::System.Array.Empty<string>()" : "new[] { " + string.Join(", ", body.Select(p => CSharp.Literal(p.WireName))) + " }";
        var unknown = type.UnknownMembers;
        writer.Open("internal static partial class " + JsonCode.Codec);
        writer.Line("/// <summary>The JSON members of <see cref=\"" + full + "\"/>.</summary>");
        writer.Line("internal static readonly " + JsonCode.ShapeOf(full) + " " + type.Name + " = new(static () => " + create + ", " + names + ", "
            + type.Name + "_Read, " + type.Name + "_Write, " + (unknown is null ? "false" : "true") + ");");
        writer.Line();
        writer.Open("private static void " + type.Name + "_Read(" + full + " x, int member, ref global::System.Text.Json.Utf8JsonReader r)");
        if (body.Count > 0 || unknown is not null)
        {
            writer.Open("switch (member)");
            for (var i = 0; i < body.Count; i++)
            {
                var property = body[i];
                var required = property.IsRequiredMember;
                var bang = required && !property.Type.IsValueType ? "!" : string.Empty;
                writer.Line("case " + i + ": x." + property.ClrName + " = " + JsonCode.Value(property.Type, required && property.Type.IsValueType) + ".Read(ref r)" + bang + "; break;");
            }

            if (unknown is not null)
            {
                writer.Line("default: x." + unknown + " = global::FeishuGen.Json.FeishuJsonReader.ReadUnknown(ref r, x." + unknown + "); break;");
            }

            writer.Close();
        }

        writer.Close();
        writer.Line();
        writer.Open("private static void " + type.Name + "_Write(global::System.Text.Json.Utf8JsonWriter w, " + full + " x, global::System.Text.Json.JsonEncodedText[] n)");
        for (var i = 0; i < body.Count; i++)
        {
            var property = body[i];
            var required = property.IsRequiredMember;
            writer.Line(JsonCode.Value(property.Type, required && property.Type.IsValueType) + ".WriteMember(w, n[" + i + "], x." + property.ClrName + ");");
        }

        if (unknown is not null)
        {
            writer.Line("global::FeishuGen.Json.FeishuJsonWriter.WriteMembers(w, x." + unknown + ");");
        }

        writer.Close();
        writer.Close();
    }
}
