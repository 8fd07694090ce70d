using System.Linq;
using FeishuGen.Generator.Shaping;

namespace FeishuGen.Generator.Emitting;

/// <summary>
/// The XML doc of a property: the page's description as the summary; wire name, whether it is
/// required, example, default, allowed values and validation rules in the remarks, so that
/// IntelliSense shows what the page shows.
/// </summary>
internal static class PropertyDocs
{
    public static void Write(SourceWriter writer, PropertySpec property)
    {
        writer.Line("/// <summary>");
        if (string.IsNullOrWhiteSpace(property.Description))
        {
            writer.Line("/// The <c>" + CSharp.Xml(property.WireName) + "</c> member (" + CSharp.Xml(property.Type.Describe) + ").");
        }
        else
        {
            CSharp.XmlLines(writer, property.Description);
        }

        writer.Line("/// </summary>");
        writer.Line("/// <remarks>");
        var where = property.Location switch
        {
            ParameterLocation.Path => "path parameter",
            ParameterLocation.Query => "query parameter",
            ParameterLocation.Form => "multipart/form-data part",
            _ => "JSON member",
        };
        if (property.WireName.Length > 0)
        {
            writer.Line("/// <para>Wire name: <c>" + CSharp.Xml(property.WireName) + "</c> (" + where + ")." + (property.Required ? " Required." : " Optional.") + "</para>");
        }
        else
        {
            writer.Line("/// <para>" + (property.Required ? "Required." : "Optional.") + "</para>");
        }
        if (!string.IsNullOrWhiteSpace(property.Example))
        {
            writer.Line("/// <para>Example: <c>" + CSharp.Xml(property.Example) + "</c></para>");
        }

        if (!string.IsNullOrWhiteSpace(property.Default))
        {
            writer.Line("/// <para>Default: <c>" + CSharp.Xml(property.Default) + "</c></para>");
        }

        if (property.AllowedValues.Count > 0)
        {
            var values = string.Join("; ", property.AllowedValues.Select(v => "<c>" + CSharp.Xml(v.Value) + "</c> " + CSharp.Xml(v.Label)));
            var constants = property.Constants is { } named ? " (see <see cref=\"" + named.ClassName + "\"/>)" : string.Empty;
            writer.Line("/// <para>Allowed values" + constants + ": " + values + ".</para>");
        }

        if (property.Rules.Count > 0)
        {
            var rules = string.Join(", ", property.Rules.Select(r => CSharp.Xml(r.Kind) + " " + CSharp.Xml(r.Value)));
            writer.Line("/// <para>Rules: " + rules + ".</para>");
        }

        writer.Line("/// </remarks>");
    }
}
