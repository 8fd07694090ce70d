using System.Collections.Generic;
using System.Linq;
using FeishuGen.Generator.Naming;
using FeishuGen.Generator.Shaping;

namespace FeishuGen.Generator.Emitting;

/// <summary>
/// Emits an endpoint's documented error codes as constants, so callers can write
/// <c>catch (FeishuApiException e) when (e.Code == XErrors.Code1002862)</c>, and the list the
/// runtime uses to attach the page's description and hint to an exception.
/// </summary>
internal static class ErrorsEmitter
{
    public static string Emit(EndpointSpec endpoint)
    {
        var writer = new SourceWriter().Header();
        writer.Open("namespace " + endpoint.Namespace);
        writer.Line("/// <summary>The error codes documented for " + CSharp.Xml(endpoint.Model.Title) + " (<see cref=\"" + endpoint.ResourceClass + "." + endpoint.MethodName + "(" + endpoint.RequestType + ", global::System.Threading.CancellationToken)\"/>).</summary>");
        writer.Line(CSharp.GeneratedCode);
        writer.Open("public static class " + endpoint.ErrorsClass);
        var taken = new HashSet<string> { endpoint.ErrorsClass, "All" };
        var documented = Documented(endpoint).ToList();
        foreach (var error in documented)
        {
            writer.Line("/// <summary>" + CSharp.Xml(error.Description) + " (HTTP " + error.HttpStatus + ", code " + error.Code + ").</summary>");
            if (error.Hint.Length > 0)
            {
                writer.Line("/// <remarks>排查建议: " + CSharp.Xml(error.Hint) + "</remarks>");
            }

            writer.Line("public const int " + Identifiers.Unique(ConstantName(error.Code, error.Description), taken) + " = " + error.Code + ";");
            writer.Line();
        }

        writer.Line("/// <summary>Every documented code with its HTTP status, description and troubleshooting hint.</summary>");
        writer.Open("public static global::System.Collections.Generic.IReadOnlyList<global::FeishuGen.FeishuErrorDoc> All { get; } = new global::FeishuGen.FeishuErrorDoc[]");
        foreach (var error in documented)
        {
            writer.Line("new(" + error.HttpStatus + ", " + error.Code + ", " + CSharp.Literal(error.Description) + ", " + CSharp.Literal(error.Hint) + "),");
        }

        writer.Close(";");
        writer.Close();
        writer.Close();
        return writer.ToString();
    }

    /// <summary>The rows whose code fits the runtime's int, first row of each code only.</summary>
    public static IEnumerable<Model.ErrorCodeModel> Documented(EndpointSpec endpoint)
    {
        var seen = new HashSet<long>();
        return endpoint.Model.Errors.Where(e => e.Code is >= int.MinValue and <= int.MaxValue && seen.Add(e.Code));
    }

    // English descriptions ("cannot find this badge") make readable names; others are named by code.
    private static string ConstantName(long code, string description)
    {
        var words = description.Split(new[] { ' ', '_', '-', ',', '.' }, System.StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is > 0 and <= 8 && words.All(w => w.All(c => c < 128 && char.IsLetterOrDigit(c))) && char.IsLetter(words[0][0]))
        {
            return Identifiers.Pascal(string.Join("_", words));
        }

        return "Code" + code;
    }
}
