using System.Collections.Generic;
using System.Linq;
using FeishuGen.Generator.Shaping;

namespace FeishuGen.Generator.Emitting;

/// <summary>
/// Emits one record (request, response data or nested type) with its XML docs, its
/// allowed-value constants, and the reflection-free JSON code that reads and writes it.
/// </summary>
internal static class RecordEmitter
{
    public const string UnknownMembersProperty = "AdditionalProperties";

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
        writer.Line("/// " + (type.Summary.Length > 0 ? CSharp.Xml(type.Summary) : "A Feishu object as the documentation pages describe it."));
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
            WriteProperty(writer, type, property);
        }

        if (type.KeepsUnknownMembers)
        {
            if (!first)
            {
                writer.Line();
            }

            writer.Line("/// <summary>Members of the JSON object that the documentation does not describe, kept so that nothing is lost.</summary>");
            writer.Line("[global::System.Text.Json.Serialization.JsonIgnore]");
            writer.Line("public global::System.Text.Json.Nodes.JsonObject? " + UnknownMembersName(type) + " { get; init; }");
        }

        foreach (var property in type.Properties.Where(p => p.AllowedValues.Count > 0))
        {
            AllowedValuesEmitter.Write(writer, property);
        }

        writer.Close();
    }

    private static void WriteProperty(SourceWriter writer, TypeSpec owner, PropertySpec property)
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

        var required = property.Required && owner.Role == TypeRole.Request;
        var typeName = required ? property.Type.CSharp : property.Type.CSharp + "?";
        writer.Line("public " + (required ? "required " : string.Empty) + typeName + " " + property.ClrName + " { get; init; }");
    }

    private static void WriteCodec(SourceWriter writer, TypeSpec type)
    {
        var full = "global::" + type.FullName;
        var body = type.Properties.Where(p => p.Location == ParameterLocation.Body).ToList();
        writer.Open("internal static partial class " + JsonCode.Codec);

        writer.Line("/// <summary>Reads a <see cref=\"" + full + "\"/> from the JSON object at the reader's position.</summary>");
        writer.Line(CSharp.GeneratedCode);
        writer.Open("internal static " + full + " Read" + type.Name + "(ref global::System.Text.Json.Utf8JsonReader reader)");
        writer.Line("global::FeishuGen.Json.FeishuJsonReader.ExpectObject(ref reader);");
        for (var i = 0; i < body.Count; i++)
        {
            writer.Line(LocalType(body[i].Type) + " p" + i + " = default;");
        }

        if (type.KeepsUnknownMembers)
        {
            writer.Line("global::System.Text.Json.Nodes.JsonObject? unknown = null;");
        }

        writer.Open("while (global::FeishuGen.Json.FeishuJsonReader.NextProperty(ref reader))");
        for (var i = 0; i < body.Count; i++)
        {
            writer.Open((i == 0 ? "if" : "else if") + " (reader.ValueTextEquals(" + CSharp.Utf8(body[i].WireName) + "))");
            writer.Line("reader.Read();");
            writer.Line("p" + i + " = " + JsonCode.Read(body[i].Type) + ";");
            writer.Close();
        }

        var skip = type.KeepsUnknownMembers
            ? "unknown = global::FeishuGen.Json.FeishuJsonReader.ReadUnknown(ref reader, unknown);"
            : "global::FeishuGen.Json.FeishuJsonReader.SkipProperty(ref reader);";
        if (body.Count == 0)
        {
            writer.Line(skip);
        }
        else
        {
            writer.Open("else");
            writer.Line(skip);
            writer.Close();
        }

        writer.Close();
        writer.Open("return new " + full);
        foreach (var property in type.Properties)
        {
            var index = body.IndexOf(property);
            var required = property.Required && type.Role == TypeRole.Request;
            var value = index < 0 ? "default!" : "p" + index + (required ? (property.Type.IsValueType ? " ?? default" : "!") : string.Empty);
            if (index >= 0 || required)
            {
                writer.Line(property.ClrName + " = " + value + ",");
            }
        }

        if (type.KeepsUnknownMembers)
        {
            writer.Line(UnknownMembersName(type) + " = unknown,");
        }

        writer.Close(";");
        writer.Close();
        writer.Line();

        writer.Line("/// <summary>Writes a <see cref=\"" + full + "\"/> as a JSON object; members that are null are left out.</summary>");
        writer.Line(CSharp.GeneratedCode);
        writer.Open("internal static void Write" + type.Name + "(global::System.Text.Json.Utf8JsonWriter writer, " + full + " value)");
        writer.Line("writer.WriteStartObject();");
        foreach (var property in body)
        {
            if (property.Required && type.Role == TypeRole.Request && property.Type.IsValueType)
            {
                writer.Line("writer.WritePropertyName(" + CSharp.Utf8(property.WireName) + ");");
                writer.Line(JsonCode.Write(property.Type, "value." + property.ClrName));
                continue;
            }

            writer.Open("if (value." + property.ClrName + " is { } " + Local(property) + ")");
            writer.Line("writer.WritePropertyName(" + CSharp.Utf8(property.WireName) + ");");
            writer.Line(JsonCode.Write(property.Type, Local(property)));
            writer.Close();
        }

        if (type.KeepsUnknownMembers)
        {
            writer.Line("global::FeishuGen.Json.FeishuJsonWriter.WriteMembers(writer, value." + UnknownMembersName(type) + ");");
        }

        writer.Line("writer.WriteEndObject();");
        writer.Close();
        writer.Close();
    }

    private static string LocalType(TypeRef type) => type.CSharp + "?";

    private static string Local(PropertySpec property) => "v" + property.ClrName;

    /// <summary>The name of the unknown-members property, clear of the record's own properties.</summary>
    public static string UnknownMembersName(TypeSpec type)
    {
        var taken = new HashSet<string>(type.Properties.Select(p => p.ClrName)) { type.Name };
        var name = UnknownMembersProperty;
        while (taken.Contains(name))
        {
            name = "Unknown" + name;
        }

        return name;
    }
}
